// One titled part of the guide, reachable from the page's table of contents by its id.
import type { ReactNode } from 'react';
import { Card } from 'antd';

export function GuideSection({ id, title, children, extra }: { id: string; title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="tb-guide-section">
      <Card className="tb-card" title={<h2 id={`${id}-title`} className="tb-card-title">{title}</h2>} extra={extra}>
        {children}
      </Card>
    </section>
  );
}

/** Multi-line text from the catalogue, keeping its line breaks. */
export function PlainText({ text }: { text: string }) {
  return <div className="tb-pre-line">{text}</div>;
}
