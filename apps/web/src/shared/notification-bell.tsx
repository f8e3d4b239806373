import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@yanxun/contracts';
import { Badge, Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from './api';
import { useI18n } from './i18n';
import { formatDateTime } from './time';

/** The page a notification is about, or null: a plan, a shortlist selection (by programme), an integrity record. */
export function notificationPath(n: Pick<Notification, 'entity' | 'entityId'>): string | null {
  if (!n.entityId) return null;
  const id = encodeURIComponent(n.entityId);
  switch (n.entity) {
    case 'plan':
      return `/plans/${id}`;
    case 'shortlist':
      return `/shortlists/${id}`;
    case 'integrity_record':
      return '/me/integrity';
    default:
      return null;
  }
}

/** The header bell of every signed-in account: unread count, a drawer with the latest, open one, mark one read. */
export function NotificationBell({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.notifications(),
    refetchInterval: 60_000,
  });
  const read = useMutation({
    mutationFn: (id: string) => api.markNotificationRead(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <Badge count={unread} size="small" offset={[-6, 6]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notif.bell', { n: unread })}
          onClick={() => setOpen(true)}
          data-testid="notif-bell"
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notif.title')}
        size={compact ? '100%' : 420}
        data-testid="notif-drawer"
      >
        {(list.data?.items ?? []).length === 0 ? (
          <Empty description={t('notif.none')} />
        ) : (
          <List<Notification>
            dataSource={list.data?.items ?? []}
            renderItem={(n) => (
              <List.Item
                data-testid="notif-item"
                actions={[
                  ...(notificationPath(n)
                    ? [
                        <Button
                          key="open"
                          size="small"
                          type="link"
                          onClick={() => {
                            const path = notificationPath(n);
                            if (!n.readAt) read.mutate(n.id);
                            setOpen(false);
                            if (path) navigate(path);
                          }}
                          data-testid="notif-open"
                        >
                          {t('notif.open')}
                        </Button>,
                      ]
                    : []),
                  ...(n.readAt
                    ? []
                    : [
                        <Button
                          key="read"
                          size="small"
                          type="link"
                          onClick={() => read.mutate(n.id)}
                          data-testid="notif-read"
                        >
                          {t('notif.markRead')}
                        </Button>,
                      ]),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space size={6}>
                      {n.readAt ? null : <Tag color="red">{t('notif.unread')}</Tag>}
                      <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    </Space>
                  }
                  description={
                    <Space orientation="vertical" size={2}>
                      <span style={{ whiteSpace: 'pre-wrap' }}>{n.body}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(n.createdAt)}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Drawer>
    </>
  );
}
