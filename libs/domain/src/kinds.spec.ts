import { kindWithArticle, kindInSentence, NODE_KINDS } from './kinds.js';

describe('a kind in a sentence (kindInSentence, kindWithArticle)', () => {
  it('is lower case, except an acronym, and takes the article its sound wants', () => {
    expect(NODE_KINDS.map(kindInSentence)).toEqual([
      'theme',
      'objective',
      'key result',
      'programme',
      'project',
      'BAU activity',
      'value asset',
    ]);
    expect(NODE_KINDS.map(kindWithArticle)).toEqual([
      'a theme',
      'an objective',
      'a key result',
      'a programme',
      'a project',
      'a BAU activity',
      'a value asset',
    ]);
  });
});
