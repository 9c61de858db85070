import { Card, Col, Row, Tag, Typography } from 'antd';
import { staffText } from '../i18n/vi/staff';
import { usePageTitle } from '../page-title';
import { useCurrentAgency } from '../staff/current-agency';
import { PageHeading } from '../staff/staff-layout';

/** Placeholder: the queues come with the dossiers module; the cards show what they will hold. */
export function WorkQueueHomePage() {
  usePageTitle(staffText.workQueueTitle);
  const { current } = useCurrentAgency();
  return (
    <>
      <PageHeading title={staffText.workQueueTitle} />
      {current && <Typography.Paragraph strong>{current.name}</Typography.Paragraph>}
      <Typography.Paragraph>{staffText.workQueueLead}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {staffText.workQueues.map((queue) => (
          <Col key={queue.title} xs={24} sm={12} lg={8}>
            <Card
              title={<h2 style={{ margin: 0, fontSize: 16 }}>{queue.title}</h2>}
              extra={<Tag>{staffText.comingSoon}</Tag>}
            >
              <Typography.Paragraph style={{ marginBottom: 0 }}>{queue.text}</Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
