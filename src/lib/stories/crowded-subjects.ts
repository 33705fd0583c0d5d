/**
 * Subjects that head many headlines at once: on a day with ten reports about OpenAI, each on another event, "OpenAI"
 * is what every one of them is about and tells none of them apart, however rare it is in the archive as a whole.
 */

/**
 * For each article (ascending `times`), whether at least `minimum` articles, itself included, published within
 * `windowMs` of it have the same headline subject (`subjects`: the ids of its words, empty for none). Each subject's
 * articles are walked once, so the cost grows with the archive, never with its pairs.
 */
export function crowdedSubjects(subjects: readonly Int32Array[], times: Float64Array, windowMs: number, minimum: number): Uint8Array {
  const crowded = new Uint8Array(subjects.length);
  const bySubject = new Map<string, number[]>();
  subjects.forEach((words, index) => {
    if (words.length === 0) return;
    const key = words.join(' ');
    const list = bySubject.get(key);
    if (list) list.push(index);
    else bySubject.set(key, [index]);
  });
  for (const list of bySubject.values()) {
    if (list.length < minimum) continue;
    for (let at = 0, first = 0, last = 0; at < list.length; at++) {
      const time = times[list[at]!]!;
      while (times[list[first]!]! < time - windowMs) first++;
      while (last + 1 < list.length && times[list[last + 1]!]! <= time + windowMs) last++;
      if (last - first + 1 >= minimum) crowded[list[at]!] = 1;
    }
  }
  return crowded;
}
