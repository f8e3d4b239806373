import { Space } from 'antd';
import { useSearchParams } from 'react-router';
import { ImportWizard } from './import-wizard';
import { RecentImports } from './recent-imports';

/** `?job=<id>` keeps the wizard on one import across reloads and lets the recent list open an old one. */
export function ImportsPage() {
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const setJob = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('job', id);
        else next.delete('job');
        return next;
      },
      { replace: false },
    );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {/* not keyed by the job: “修正后重新上传” clears the job but keeps the chosen kind and the upload step */}
      <ImportWizard jobId={jobId} onJobChange={setJob} />
      <RecentImports currentId={jobId} onOpen={setJob} />
    </Space>
  );
}
