/** Link query keys, apart from links.queries.ts so that node mutations can name them without an import cycle. */
export const linkKeys = {
  all: ['links'] as const,
  forNode: (nodeId: string) => [...linkKeys.all, 'node', nodeId] as const,
};
