import { getCollection, type CollectionEntry } from 'astro:content';

export const tagSlug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export async function getPosts(): Promise<CollectionEntry<'articles'>[]> {
  const posts = await getCollection('articles', ({ data }) => !data.draft);
  return posts.sort((a, b) => b.data.publishedAt.getTime() - a.data.publishedAt.getTime());
}
