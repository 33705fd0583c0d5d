/** When an article last changed, for feeds, page metadata and the sitemap: its update, else its publication. */
export function lastModified(data: { publishedAt: Date; updatedAt?: Date }): Date {
  return data.updatedAt ?? data.publishedAt;
}
