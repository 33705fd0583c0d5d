/** The CPUs Linux lets a process run on, as /proc/self/status lists them (`Cpus_allowed_list: 0-3,8`): their numbers. */
export function parseCpuList(list: string): number[] {
  return list
    .trim()
    .split(',')
    .filter(Boolean)
    .flatMap((range) => {
      const [first, last = first] = range.split('-').map(Number);
      if (!Number.isInteger(first) || !Number.isInteger(last) || first! < 0 || last! < first!) throw new Error(`"${range}" is not a CPU or a range of CPUs`);
      return Array.from({ length: last! - first! + 1 }, (_, at) => first! + at);
    });
}
