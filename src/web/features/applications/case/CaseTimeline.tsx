// 办理过程: who did what, in which department, when (Asia/Shanghai), with any comment.
import { Timeline } from 'antd';
import type { TimelineEntry } from '../../../../contract/applications';
import { formatDateTime } from '../../../lib/format';

const COLOUR: Record<string, string> = {
  task_approved: 'green', concluded: 'green', delivered: 'green', picked_up: 'green',
  task_denied: 'red', not_accepted: 'red', commitment_revoked: 'red',
  supplement_requested: 'orange', withdrawn: 'gray',
};

export function CaseTimeline({ entries }: { entries: TimelineEntry[] }) {
  // newest first: the latest step is what the applicant looks for; entries of one moment keep their order, reversed
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i).map(({ e }) => e);
  return (
    <Timeline
      className="tb-case-timeline"
      items={sorted.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: COLOUR[e.action] ?? 'blue',
        content: (
          <div>
            <time dateTime={e.at} className="tb-small tb-muted">{formatDateTime(e.at)}</time>
            <p className="tb-timeline-text">{e.text}</p>
            {(e.actorName || e.departmentName) && (
              <p className="tb-small tb-muted">{[e.departmentName, e.actorName].filter(Boolean).join(' · ')}</p>
            )}
            {e.comment && <p className="tb-timeline-comment tb-pre-line">{e.comment}</p>}
          </div>
        ),
      }))}
    />
  );
}
