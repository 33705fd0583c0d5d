/**
 * The same checker editors run, over the content folder plus the new drafts: a draft it would flag with an
 * error is rejected rather than written (the importer's own validation should make this never happen).
 */
import { checkArticles, type CheckOptions } from '../../checks/check-content.ts';
import type { ArticleSource, ParseResult } from '../../content/article.ts';
import type { ImportDecision } from './plan-import.ts';

export interface GateOptions extends Pick<CheckOptions, 'now' | 'contentDir' | 'projectRoot' | 'inspectFile'> {
  /** Where a draft's file (as decisions name it) would be written. */
  absolutePathOf: (file: string) => string;
}

/** `decisions` with every draft the checker would refuse turned into a rejection. */
export function gateThroughChecker(decisions: readonly ImportDecision[], existingSources: ReadonlyArray<ArticleSource & { result?: ParseResult }>, options: GateOptions): ImportDecision[] {
  const drafts = decisions.flatMap((decision) => (decision.kind === 'import' ? [decision] : []));
  if (!drafts.length) return [...decisions];
  const encoder = new TextEncoder();
  const draftSources = drafts.map((draft) => ({ file: draft.file, absolutePath: options.absolutePathOf(draft.file), bytes: encoder.encode(draft.contents) }));
  const { problems } = checkArticles([...existingSources, ...draftSources], { now: options.now, contentDir: options.contentDir, projectRoot: options.projectRoot, inspectFile: options.inspectFile, only: new Set(drafts.map((draft) => draft.file)), nearDuplicates: false });
  return decisions.map((decision) => {
    if (decision.kind !== 'import') return decision;
    const errors = problems.filter((problem) => problem.file === decision.file && problem.severity === 'error');
    return errors.length ? { kind: 'rejected', title: decision.title, reason: `the content checker would reject it: ${errors.map((problem) => problem.message).join('; ')}` } : decision;
  });
}
