import { BellOutlined } from '@ant-design/icons';
import type { Notification, NotificationList } from '@motcua/contracts/notification';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, pathWithQuery } from '../api/client';
import { staffText } from '../i18n/vi/staff';
import { formatInstant } from './date-format';

const notificationQueryKey = ['notifications'] as const;

function useNotifications() {
  return useQuery({
    queryKey: notificationQueryKey,
    queryFn: () => api.get<NotificationList>(pathWithQuery('/api/notifications', { limit: 20 })),
    // Assignments, due-soon and late alerts arrive while the officer works: look again each minute.
    refetchInterval: 60_000,
  });
}

/**
 * The officer's in-app notifications (assigned to you, due soon, late, supplement received, consultation
 * answered): a bell with the unread count; opening one marks it read and goes to its dossier.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const notifications = useNotifications();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationQueryKey });
  const markRead = useMutation({
    mutationFn: (id: string) => api.post(`/api/notifications/${encodeURIComponent(id)}/read`),
    onSettled: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => api.post('/api/notifications/read-all'),
    onSettled: refresh,
  });
  const unread = notifications.data?.unreadCount ?? 0;

  const openOne = (n: Notification) => {
    if (n.readAt === null) markRead.mutate(n.id);
    setOpen(false);
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  const content = (
    <div className="staff-notifications">
      {notifications.isError ? (
        <Typography.Text type="danger" role="alert">
          {staffText.notificationsLoadFailed}
        </Typography.Text>
      ) : (
        <List<Notification>
          size="small"
          loading={notifications.isPending}
          dataSource={notifications.data?.notifications ?? []}
          locale={{ emptyText: staffText.notificationsEmpty }}
          renderItem={(n) => (
            <List.Item className={n.readAt === null ? 'is-unread' : undefined}>
              <button type="button" className="staff-notification" onClick={() => openOne(n)}>
                <strong>
                  {n.readAt === null && (
                    <span
                      className="staff-notification-dot"
                      role="img"
                      aria-label={staffText.notificationUnread}
                    />
                  )}
                  {n.title}
                </strong>
                <span>{n.body}</span>
                <small>{formatInstant(n.createdAt).slice(0, 16)}</small>
              </button>
            </List.Item>
          )}
        />
      )}
      {unread > 0 && (
        <Button type="link" size="small" onClick={() => markAll.mutate()} loading={markAll.isPending}>
          {staffText.notificationsReadAll}
        </Button>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={staffText.notifications}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Button
        className="staff-bell"
        type="text"
        aria-label={staffText.notificationsUnread(unread)}
        aria-expanded={open}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined aria-hidden style={{ fontSize: 20, color: '#fff' }} />
          </Badge>
        }
      />
    </Popover>
  );
}
