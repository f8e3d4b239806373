import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification } from '@yanxun/contracts';
import { Badge, Button, Drawer, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from './api';
import { useI18n } from './i18n';
import { notificationText } from './notification-words';
import { formatDateTime } from './time';

/**
 * The page a notification is about, or null: a plan, a shortlist selection (by programme), an integrity record, a
 * 学时申报, a teacher's record (a 学时 reminder).
 */
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
    case 'hour_claim':
      return '/my-hour-claims';
    case 'teacher':
      return `/teachers/${id}`;
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
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {(list.data?.items ?? []).map((n: Notification) => (
              <li
                key={n.id}
                data-testid="notif-item"
                style={{ display: 'flex', gap: 12, padding: '12px 0', borderBottom: '1px solid #f0f0f0' }}
              >
                <Space orientation="vertical" size={2} style={{ flex: 1, minWidth: 0 }}>
                  <Space size={6}>
                    {n.readAt ? null : <Tag color="red">{t('notif.unread')}</Tag>}
                    <Typography.Text strong={!n.readAt}>{notificationText(t, n).title}</Typography.Text>
                  </Space>
                  <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                    {notificationText(t, n).body}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Space>
                <Space orientation="vertical" size={0}>
                  {notificationPath(n) ? (
                    <Button
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
                    </Button>
                  ) : null}
                  {n.readAt ? null : (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => read.mutate(n.id)}
                      data-testid="notif-read"
                    >
                      {t('notif.markRead')}
                    </Button>
                  )}
                </Space>
              </li>
            ))}
          </ul>
        )}
      </Drawer>
    </>
  );
}
