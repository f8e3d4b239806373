/**
 * An activity's photos and files (Y-COMM-ACTIVITY-FILES): each a download link; while the activity is open, who
 * records it adds one at a time (JPG, PNG, PDF, Word, MP4; the server checks the content and the limits) and may
 * remove a wrong one.
 */
import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ACTIVITY_FILES_MAX, type Activity } from '@yanxun/contracts';
import { App, Button, Popconfirm, Space, Typography, Upload } from 'antd';
import { api, fileUrls } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.mp4';

export function ActivityFiles({
  communityId,
  activity,
  canRecord,
  onChange,
}: {
  communityId: string;
  activity: Activity;
  canRecord: boolean;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const files = activity.files ?? [];
  const editable = canRecord && activity.status === 'open';
  const add = useMutation({
    mutationFn: (file: File) => api.uploadActivityFile(communityId, activity.id, file),
    onSuccess: () => {
      onChange();
      void message.success(t('comm.fileAdded'));
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => api.removeActivityFile(communityId, activity.id, fileId),
    onSuccess: onChange,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  return (
    <Space orientation="vertical" size={2}>
      {files.map((f) => (
        <Space key={f.id} size={4}>
          <PaperClipOutlined />
          <Typography.Link
            href={fileUrls.activityFile(communityId, activity.id, f.id)}
            target="_blank"
            rel="noreferrer"
            ellipsis
            style={{ maxWidth: 160 }}
          >
            {f.name}
          </Typography.Link>
          {editable ? (
            <Popconfirm title={t('comm.removeFileConfirm')} onConfirm={() => remove.mutate(f.id)}>
              <Button size="small" type="text" icon={<DeleteOutlined />} aria-label={t('comm.removeFile')} />
            </Popconfirm>
          ) : null}
        </Space>
      ))}
      {editable && files.length < ACTIVITY_FILES_MAX ? (
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            add.mutate(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={add.isPending}>
            {t('comm.addFile')}
          </Button>
        </Upload>
      ) : null}
      {files.length === 0 && !editable ? t('common.none') : null}
    </Space>
  );
}
