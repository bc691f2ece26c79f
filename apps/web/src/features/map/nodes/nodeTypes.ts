import type { NodeKind } from '@throughline/domain';
import type { NodeTypes } from '@xyflow/react';
import { AssetNode } from './AssetNode';
import { BauNode } from './BauNode';
import { GroupNode } from './GroupNode';
import { KeyResultNode } from './KeyResultNode';
import { ObjectiveNode } from './ObjectiveNode';
import { ProgrammeNode } from './ProgrammeNode';
import { ProjectNode } from './ProjectNode';
import { ThemeNode } from './ThemeNode';

/** Defined once at module scope: a new object per render would make React Flow remount every node. */
export const nodeTypes = {
  theme: ThemeNode,
  objective: ObjectiveNode,
  key_result: KeyResultNode,
  programme: ProgrammeNode,
  project: ProjectNode,
  bau: BauNode,
  asset: AssetNode,
  // A group box or swimlane (model/groups.ts), drawn behind the cards.
  group: GroupNode,
} satisfies Record<NodeKind | 'group', NodeTypes[string]>;
