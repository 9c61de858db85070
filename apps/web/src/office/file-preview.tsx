import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError, messageOf } from '../api/client';
import { officeText } from '../i18n/vi/office';
import { commonText } from '../i18n/vi/shared-strings';
import { fileHref } from './dossier-queries';

interface FileRef {
  id: string;
  name?: string;
  mediaType?: string;
}

/** The file's bytes as an object URL (images are shown in the page; the server's CSP allows `blob:` images). */
function useFileBlob(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['files', id],
    queryFn: async () => {
      let response: Response;
      try {
        response = await fetch(fileHref(id), { credentials: 'same-origin' });
      } catch {
        throw new ApiRequestError(0, 'NETWORK_ERROR', commonText.networkError);
      }
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new ApiRequestError(
          response.status,
          `HTTP_${response.status}`,
          body?.error?.message ?? commonText.unexpectedResponse(response.status),
        );
      }
      return response.blob();
    },
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

function PreviewBody({ file }: { file: FileRef }) {
  const blob = useFileBlob(file.id, true);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob.data) return;
    const objectUrl = URL.createObjectURL(blob.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob.data]);

  if (blob.isPending) return <Spin description={commonText.loading} />;
  if (blob.isError) return <Alert type="error" role="alert" showIcon title={messageOf(blob.error)} />;
  const type = blob.data.type || file.mediaType || '';
  return (
    <>
      {type.startsWith('image/') && url && (
        <img src={url} alt={file.name ?? officeText.previewTitle} className="office-file-image" />
      )}
      <Typography.Paragraph style={{ marginTop: 12 }}>
        {/* PDFs open in the browser's own viewer: the API's frame-ancestors policy forbids framing them. */}
        <a href={fileHref(file.id)} target="_blank" rel="noopener">
          {officeText.previewOpenNewTab}
        </a>
      </Typography.Paragraph>
    </>
  );
}

/** A file's name as a button that opens its preview (images inline, PDFs in the browser's viewer). */
export function FilePreviewLink({ file, label }: { file: FileRef; label?: string }) {
  const [open, setOpen] = useState(false);
  const name = label ?? file.name ?? officeText.files;
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
          width={900}
        >
          <PreviewBody file={file} />
        </Modal>
      )}
    </>
  );
}
