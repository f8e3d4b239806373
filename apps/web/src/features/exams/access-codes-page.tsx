/**
 * 家长查询访问码: a school admin creates one access code per student of the school and downloads
 * the list (Excel) to hand out; the server keeps only hashes, so the list comes this once. Reissue all, or some
 * student ids (a lost code; the old code stops working and its lock is lifted).
 */
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssueCodesRequest } from '@yanxun/contracts';
import { Alert, App, Button, Card, Input, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { saveBlob } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { useMe } from '../../shared/session';

export function AccessCodesPage() {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const schools = (me?.grants ?? []).filter((g) => g.orgKind === 'school');
  const [schoolId, setSchoolId] = useState<string | undefined>(undefined);
  const current = schoolId ?? schools[0]?.orgId;
  const [ids, setIds] = useState('');
  const status = useQuery({
    queryKey: ['exams', 'codes', current],
    queryFn: () => api.accessCodeStatus(current ?? ''),
    enabled: current !== undefined,
  });
  const issue = useMutation({
    mutationFn: (body: IssueCodesRequest) => api.issueAccessCodes(current ?? '', body),
    onSuccess: async ({ blob, fileName }) => {
      saveBlob(blob, fileName ?? 'access-codes.xlsx');
      message.success(t('codes.issued'));
      setIds('');
      await queryClient.invalidateQueries({ queryKey: ['exams', 'codes', current] });
    },
    onError: (e) => message.error(errorMessage(e, lang)),
  });
  const parentUrl = `${window.location.origin}/parent`;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3}>{t('codes.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('codes.intro')}</Typography.Paragraph>
        <Typography.Text>
          {t('codes.parentLink')}
          <Typography.Text copyable code>
            {parentUrl}
          </Typography.Text>
        </Typography.Text>
      </div>
      {schools.length === 0 ? (
        <Alert type="info" showIcon title={t('codes.noSchool')} />
      ) : (
        <Card
          title={
            <Space>
              {t('codes.school')}
              <Select
                style={{ minWidth: 240 }}
                value={current}
                onChange={setSchoolId}
                options={schools.map((g) => ({ value: g.orgId, label: g.orgName }))}
              />
            </Space>
          }
        >
          {status.error ? (
            <QueryError error={status.error} />
          ) : !status.data ? (
            <Skeleton active />
          ) : (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <Typography.Text>
                {t('codes.students')}：<b>{status.data.students}</b> · {t('codes.withCode')}：
                <b>{status.data.withCode}</b>
              </Typography.Text>
              <Space wrap>
                <Button
                  type="primary"
                  icon={<DownloadOutlined />}
                  disabled={status.data.withCode >= status.data.students}
                  loading={issue.isPending}
                  onClick={() => issue.mutate({ reissue: false })}
                >
                  {t('codes.issueMissing')}
                </Button>
                <Button
                  danger
                  disabled={status.data.students === 0}
                  onClick={() =>
                    modal.confirm({
                      title: t('codes.reissueAll'),
                      content: t('codes.reissueAllConfirm'),
                      onOk: () => issue.mutate({ reissue: true }),
                    })
                  }
                >
                  {t('codes.reissueAll')}
                </Button>
              </Space>
              <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
                <Input.TextArea
                  rows={2}
                  value={ids}
                  placeholder={t('codes.reissueSomeHint')}
                  onChange={(e) => setIds(e.target.value)}
                  aria-label={t('codes.reissueSome')}
                />
                <Button
                  disabled={ids.trim() === ''}
                  onClick={() =>
                    issue.mutate({
                      reissue: true,
                      studentIds: ids
                        .split(/[\s,，、]+/)
                        .map((x) => x.trim())
                        .filter(Boolean),
                    })
                  }
                >
                  {t('codes.reissueSome')}
                </Button>
              </Space.Compact>
              <Table
                size="small"
                rowKey="className"
                pagination={{ pageSize: 30, hideOnSinglePage: true }}
                dataSource={status.data.classes}
                columns={[
                  { title: t('codes.class'), dataIndex: 'className' },
                  { title: t('codes.students'), dataIndex: 'students', align: 'right' },
                  { title: t('codes.withCode'), dataIndex: 'withCode', align: 'right' },
                ]}
              />
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}
