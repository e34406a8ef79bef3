// 办理过程: the case's history, oldest first — who did what, when, with their comment.
import { Card, Empty, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../../contract/applications';
import { formatDateTime } from '../../../lib/format';

const COLOR: Record<string, string> = {
  task_approved: 'green', concluded: 'green', accepted: 'green',
  task_denied: 'red', not_accepted: 'red', commitment_revoked: 'red',
  supplement_requested: 'orange', withdrawn: 'gray',
};

export function TimelineCard({ timeline }: { timeline: TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <Card className="tb-card" title={<h2 className="tb-card-title">{t('workbench.case.timeline')}</h2>}>
      {timeline.length === 0 ? <Empty description={t('workbench.case.timelineEmpty')} /> : (
        <Timeline
          items={timeline.map((entry, i) => ({
            key: `${entry.at}-${i}`,
            color: COLOR[entry.action] ?? 'blue',
            content: (
              <div>
                <div>{entry.text}</div>
                <div className="wb-timeline-meta">
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                  {entry.departmentName && ` · ${entry.departmentName}`}
                  {entry.actorName && ` · ${entry.actorName}`}
                </div>
                {entry.comment && <p className="wb-timeline-comment">{entry.comment}</p>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
