import { ExclamationCircleOutlined, WarningOutlined } from '@ant-design/icons';
import type { RubricDocument, RubricFindingBody, RubricNodeInput } from '@yanxun/contracts';
import type { TreeDataNode } from 'antd';
import { Button, Col, Empty, Popconfirm, Row, Space, Tag, Tree } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import {
  addNode,
  findingsByPath,
  idPathOf,
  keyOf,
  labelOf,
  type NodePath,
  nodeAt,
  pathOf,
  removeNode,
  updateNode,
} from './rubric-draft';
import { RubricNodeForm } from './rubric-node-form';

function treeOf(
  nodes: readonly RubricNodeInput[],
  at: NodePath,
  idPath: string,
  byPath: Map<string, RubricFindingBody[]>,
): TreeDataNode[] {
  return nodes.map((n, i) => {
    const path = [...at, i];
    const ids = idPath ? `${idPath} › ${n.id}` : n.id;
    const found = byPath.get(ids) ?? [];
    const error = found.some((f) => f.severity === 'error');
    return {
      key: keyOf(path),
      title: (
        <span data-testid={`rubric-tree-${n.id}`}>
          {labelOf(n)}
          {n.points !== undefined ? <Tag style={{ marginLeft: 6 }}>{n.points}</Tag> : null}
          {n.scoreGroup ? <Tag color="blue">{n.scoreGroup}</Tag> : null}
          {found.length > 0 ? (
            error ? (
              <ExclamationCircleOutlined style={{ color: '#cf1322' }} />
            ) : (
              <WarningOutlined style={{ color: '#d48806' }} />
            )
          ) : null}
        </span>
      ),
      ...(n.children && n.children.length > 0 ? { children: treeOf(n.children, path, ids, byPath) } : {}),
    };
  });
}

/** The keys of every node that has children (the tree opens fully). */
function parentKeys(nodes: readonly RubricNodeInput[], at: NodePath = []): string[] {
  return nodes.flatMap((n, i) =>
    n.children && n.children.length > 0 ? [keyOf([...at, i]), ...parentKeys(n.children, [...at, i])] : [],
  );
}

/** The tree of 一级 → 二级 → items, and the form of the selected one. */
export function RubricIndicators({
  doc,
  findings,
  editable,
  selected,
  onSelect,
  onChange,
}: {
  doc: RubricDocument;
  findings: RubricFindingBody[];
  editable: boolean;
  selected: NodePath | null;
  onSelect: (path: NodePath | null) => void;
  onChange: (doc: RubricDocument) => void;
}) {
  const { t } = useI18n();
  const byPath = useMemo(() => findingsByPath(findings), [findings]);
  const treeData = useMemo(() => treeOf(doc.nodes, [], '', byPath), [doc, byPath]);
  const [expanded, setExpanded] = useState<Key[]>(() => parentKeys(doc.nodes));
  const node = selected ? nodeAt(doc, selected) : undefined;
  const add = (parent: NodePath) => {
    const next = addNode(doc, parent, parent.length === 0 ? t('rubric.level1') : t('rubric.level2'));
    onChange(next.doc);
    onSelect(next.path);
    if (parent.length > 0) setExpanded((keys) => [...keys, keyOf(parent)]);
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        {editable ? (
          <Space wrap style={{ marginBottom: 8 }}>
            <Button size="small" onClick={() => add([])} data-testid="rubric-add-section">
              {t('rubric.addSection')}
            </Button>
            <Button size="small" disabled={!node} onClick={() => selected && add(selected)}>
              {t('rubric.addChild')}
            </Button>
            <Popconfirm
              title={t('rubric.removeConfirm', { name: node ? labelOf(node) : '' })}
              disabled={!node}
              onConfirm={() => {
                if (!selected) return;
                onChange(removeNode(doc, selected));
                onSelect(selected.length > 1 ? selected.slice(0, -1) : null);
              }}
            >
              <Button size="small" danger disabled={!node}>
                {t('rubric.remove')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null}
        <Tree
          blockNode
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys)}
          showLine
          treeData={treeData}
          selectedKeys={selected ? [keyOf(selected)] : []}
          onSelect={(keys) => {
            const k = keys[0];
            onSelect(k === undefined ? null : pathOf(String(k)));
          }}
          style={{ maxHeight: 640, overflow: 'auto' }}
          data-testid="rubric-tree"
        />
      </Col>
      <Col xs={24} lg={15}>
        {node && selected ? (
          <RubricNodeForm
            key={keyOf(selected)}
            doc={doc}
            node={node}
            depth={selected.length}
            findings={byPath.get(idPathOf(doc, selected)) ?? []}
            disabled={!editable}
            onChange={(patch) => onChange(updateNode(doc, selected, patch))}
          />
        ) : (
          <Empty description={t('rubric.pickNode')} />
        )}
      </Col>
    </Row>
  );
}
