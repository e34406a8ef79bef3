// The root object of an application form, laid out in its sections: one titled card per section,
// a labelled group for screen readers, two columns on wide screens and one on phones.
import { Card, Col, Row } from 'antd';
import { getUiOptions, type ObjectFieldTemplateProps } from '@rjsf/utils';

interface SectionOption { title: string; fields: string[] }

const fullWidth = (p: ObjectFieldTemplateProps['properties'][number]) => {
  const props = p.content.props as { schema?: { type?: string }; uiSchema?: Record<string, unknown> };
  const widget = props.uiSchema?.['ui:widget'];
  return props.schema?.type === 'array' || widget === 'textarea' || widget === 'tbRegion' || widget === 'checkboxes';
};

export function SectionsTemplate(props: ObjectFieldTemplateProps) {
  const { properties, uiSchema, fieldPathId } = props;
  const sections = (getUiOptions(uiSchema).sections ?? []) as SectionOption[];
  const byName = new Map(properties.filter((p) => !p.hidden).map((p) => [p.name, p]));
  const placed = new Set(sections.flatMap((s) => s.fields));
  const rest = [...byName.values()].filter((p) => !placed.has(p.name));
  const groups = [...sections.map((s) => ({ title: s.title, items: s.fields.map((f) => byName.get(f)).filter((p) => p !== undefined) })), { title: '', items: rest }]
    .filter((g) => g.items.length > 0);

  return (
    <div id={fieldPathId.$id}>
      {groups.map((g, i) => {
        const titleId = `${fieldPathId.$id}-section-${i}`;
        return (
          <Card key={titleId} size="small" className="tb-gap-bottom" title={g.title ? <h3 id={titleId} className="tb-card-title" style={{ fontSize: 16 }}>{g.title}</h3> : undefined}>
            <div role="group" aria-labelledby={g.title ? titleId : undefined}>
              <Row gutter={16}>
                {g.items.map((p) => <Col key={p.name} xs={24} md={fullWidth(p) ? 24 : 12}>{p.content}</Col>)}
              </Row>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
