import type { StoredFile } from '@motcua/contracts/document';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import { api, messageOf } from '../api/client';
import { officeText } from '../i18n/vi/office';
import { commonText } from '../i18n/vi/shared-strings';
import { fileHref } from './dossier-queries';

interface FileRef {
  id: string;
  name?: string;
  mediaType?: string;
}

function useFileMeta(file: FileRef, enabled: boolean) {
  return useQuery({
    queryKey: ['files', file.id, 'meta'],
    queryFn: () => api.get<StoredFile>(`${fileHref(file.id)}/meta`),
    enabled: enabled && (file.name === undefined || file.mediaType === undefined),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

function PreviewBody({ file, name }: { file: FileRef; name: string }) {
  const meta = useFileMeta(file, true);
  const mediaType = file.mediaType ?? meta.data?.mediaType;
  if (!mediaType && meta.isPending) return <Spin description={commonText.loading} />;
  if (!mediaType) return <Alert type="error" role="alert" showIcon title={messageOf(meta.error)} />;
  return (
    <>
      {mediaType.startsWith('image/') ? (
        <img src={fileHref(file.id)} alt={name} className="office-file-image" />
      ) : (
        // The file route allows framing by MotCua's own pages (frame-ancestors 'self').
        <iframe src={fileHref(file.id)} title={name} className="office-file-frame" />
      )}
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
        <a href={fileHref(file.id)} target="_blank" rel="noopener">
          {officeText.previewOpenNewTab}
        </a>
      </Typography.Paragraph>
    </>
  );
}

/** A file as a button that previews it in the page: images shown, PDFs in the browser's viewer. */
export function FilePreviewLink({ file, label }: { file: FileRef; label?: string }) {
  const [open, setOpen] = useState(false);
  const meta = useFileMeta(file, label === undefined);
  const name = label ?? file.name ?? meta.data?.name ?? officeText.files;
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} aria-label={officeText.previewOf(name)}>
        {name}
      </Button>
      {open && (
        <Modal
          open
          title={`${officeText.previewTitle}: ${name}`}
          onCancel={() => setOpen(false)}
          footer={null}
          width={960}
        >
          <PreviewBody file={file} name={name} />
        </Modal>
      )}
    </>
  );
}
