import { Fragment, type ReactElement, useId } from 'react';

/** One box of the diagram: a step, with its unit and role, allotted time and actions as short lines. */
export interface DiagramNode {
  key: string;
  title: string;
  lines: string[];
  /** Marks the lead agency's branch, or a step with a validation problem. */
  tone?: 'lead' | 'error';
}

/** The workflow as the diagram draws it: steps one after another, or branches handled in parallel. */
export type DiagramStage =
  | { kind: 'step'; node: DiagramNode }
  | {
      kind: 'parallel';
      key: string;
      branches: { key: string; label: string; lead: boolean; nodes: DiagramNode[] }[];
    };

const BOX_W = 232;
const BOX_H = 76;
const COL_GAP = 24;
const ROW_GAP = 40;
const TERMINAL_H = 36;
const BRANCH_LABEL_H = 22;
const PAD = 16;
const LINE_CHARS = 34;

const colours = {
  stroke: '#0b3c7d',
  lead: '#b3121d',
  error: '#b42318',
  text: '#1f1f1f',
  muted: '#525252',
  fill: '#ffffff',
  terminal: '#e3ebf6',
};

function clip(text: string, max = LINE_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function Box({ node, x, y }: { node: DiagramNode; x: number; y: number }) {
  const stroke = node.tone === 'error' ? colours.error : node.tone === 'lead' ? colours.lead : colours.stroke;
  return (
    <g>
      <title>{[node.title, ...node.lines].join(' — ')}</title>
      <rect
        x={x}
        y={y}
        width={BOX_W}
        height={BOX_H}
        rx={6}
        fill={colours.fill}
        stroke={stroke}
        strokeWidth={node.tone ? 2.5 : 1.5}
        strokeDasharray={node.tone === 'error' ? '6 3' : undefined}
      />
      <text x={x + 10} y={y + 20} fontSize={13} fontWeight={600} fill={colours.text}>
        {clip(node.title, 30)}
      </text>
      {node.lines.slice(0, 3).map((line, i) => (
        <text key={line} x={x + 10} y={y + 38 + i * 15} fontSize={12} fill={colours.muted}>
          {clip(line)}
        </text>
      ))}
    </g>
  );
}

function Arrow({
  x1,
  y1,
  x2,
  y2,
  marker,
}: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  marker: string;
}) {
  return (
    <line
      x1={x1}
      y1={y1}
      x2={x2}
      y2={y2}
      stroke={colours.stroke}
      strokeWidth={1.5}
      markerEnd={`url(#${marker})`}
    />
  );
}

function Terminal({ label, cx, y }: { label: string; cx: number; y: number }) {
  const w = 160;
  return (
    <g>
      <rect
        x={cx - w / 2}
        y={y}
        width={w}
        height={TERMINAL_H}
        rx={TERMINAL_H / 2}
        fill={colours.terminal}
        stroke={colours.stroke}
      />
      <text x={cx} y={y + 23} fontSize={13} fontWeight={600} textAnchor="middle" fill={colours.text}>
        {label}
      </text>
    </g>
  );
}

function stageWidth(stage: DiagramStage): number {
  if (stage.kind === 'step') return BOX_W;
  const n = Math.max(1, stage.branches.length);
  return n * BOX_W + (n - 1) * COL_GAP;
}

function stageHeight(stage: DiagramStage): number {
  if (stage.kind === 'step') return BOX_H;
  const rows = Math.max(1, ...stage.branches.map((b) => b.nodes.length));
  return BRANCH_LABEL_H + rows * BOX_H + (rows - 1) * ROW_GAP;
}

/**
 * The workflow drawn as boxes and arrows, top to bottom: start, each step, parallel branches side by
 * side (the lead agency's in red) joined again before the next step, then the result. Plain SVG, no
 * library. `title` and `description` name the picture for screen readers; the editor beside it lists
 * the same steps as text.
 */
export function WorkflowDiagram({
  stages,
  title,
  description,
  startLabel,
  endLabel,
}: {
  stages: DiagramStage[];
  title: string;
  description: string;
  startLabel: string;
  endLabel: string;
}) {
  const id = useId().replace(/:/g, '');
  const marker = `arrow-${id}`;
  const width = Math.max(BOX_W, ...stages.map(stageWidth)) + PAD * 2;
  const cx = width / 2;

  const parts: ReactElement[] = [];
  let y = PAD;
  parts.push(<Terminal key="start" label={startLabel} cx={cx} y={y} />);
  y += TERMINAL_H;

  for (const stage of stages) {
    const top = y + ROW_GAP;
    if (stage.kind === 'step') {
      parts.push(<Arrow key={`a-${stage.node.key}`} x1={cx} y1={y} x2={cx} y2={top - 2} marker={marker} />);
      parts.push(<Box key={stage.node.key} node={stage.node} x={cx - BOX_W / 2} y={top} />);
      y = top + BOX_H;
      continue;
    }
    const w = stageWidth(stage);
    const left = cx - w / 2;
    const h = stageHeight(stage);
    const forkY = y + ROW_GAP / 2;
    const colX = (i: number) => left + i * (BOX_W + COL_GAP) + BOX_W / 2;
    const first = colX(0);
    const last = colX(stage.branches.length - 1);
    const bottom = top + h;
    const joinY = bottom + ROW_GAP / 2;
    parts.push(
      <g key={stage.key}>
        <line x1={cx} y1={y} x2={cx} y2={forkY} stroke={colours.stroke} strokeWidth={1.5} />
        <line x1={first} y1={forkY} x2={last} y2={forkY} stroke={colours.stroke} strokeWidth={3} />
        {stage.branches.map((branch, i) => {
          const bx = colX(i);
          let by = top + BRANCH_LABEL_H;
          return (
            <g key={branch.key}>
              <Arrow x1={bx} y1={forkY} x2={bx} y2={top + BRANCH_LABEL_H - 2} marker={marker} />
              <text
                x={bx + 6}
                y={top + BRANCH_LABEL_H - 8}
                fontSize={12}
                fontWeight={600}
                fill={branch.lead ? colours.lead : colours.muted}
              >
                {clip(branch.label, 32)}
              </text>
              {branch.nodes.map((node, j) => {
                const nodeY = by;
                by += BOX_H + ROW_GAP;
                return (
                  <Fragment key={node.key}>
                    {j > 0 && <Arrow x1={bx} y1={nodeY - ROW_GAP} x2={bx} y2={nodeY - 2} marker={marker} />}
                    <Box
                      node={{ ...node, tone: node.tone ?? (branch.lead ? 'lead' : undefined) }}
                      x={bx - BOX_W / 2}
                      y={nodeY}
                    />
                  </Fragment>
                );
              })}
              <line x1={bx} y1={by - ROW_GAP} x2={bx} y2={joinY} stroke={colours.stroke} strokeWidth={1.5} />
            </g>
          );
        })}
        <line x1={first} y1={joinY} x2={last} y2={joinY} stroke={colours.stroke} strokeWidth={3} />
      </g>,
    );
    y = joinY;
  }

  const endTop = y + ROW_GAP;
  parts.push(<Arrow key="a-end" x1={cx} y1={y} x2={cx} y2={endTop - 2} marker={marker} />);
  parts.push(<Terminal key="end" label={endLabel} cx={cx} y={endTop} />);
  const height = endTop + TERMINAL_H + PAD;

  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: '100%', height: 'auto', fontFamily: 'inherit' }}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <marker
          id={marker}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" fill={colours.stroke} />
        </marker>
      </defs>
      {parts}
    </svg>
  );
}
