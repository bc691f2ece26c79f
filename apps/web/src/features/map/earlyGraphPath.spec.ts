import { graphViewPath } from '../../api/graph.queries';
import { earlyGraphPath } from './earlyGraphPath';
import { parseMapUrl, viewParams } from './useMapUrl';

describe('earlyGraphPath', () => {
  it.each([
    '',
    '?scope=all&limit=2000',
    '?scope=all&limit=500',
    '?scope=all&limit=99999',
    '?scope=all&limit=-3',
    '?scope=chain&root=abc',
    '?scope=chain',
    '?scope=business_unit&unit=u1&bu=x&kind=project',
    '?scope=strategy&sel=n1&trace=n2',
    '?scope=nonsense',
    '?limit=300&audit=1&group=unit&lanes=1',
  ])('asks for what the map will ask for at %s', (search) => {
    expect(earlyGraphPath(search)).toBe(graphViewPath(viewParams(parseMapUrl(new URLSearchParams(search)))));
  });
});
