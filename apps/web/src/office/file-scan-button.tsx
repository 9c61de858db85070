import { CloseOutlined, PaperClipOutlined, ScanOutlined } from '@ant-design/icons';
import { fileInputAccept } from '@motcua/contracts/document';
import { Button, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { officeText } from '../i18n/vi/office';
import { uploadComponentFile } from './dossier-queries';
import type { UploadedFile } from './dossier-types';
import { FilePreviewLink } from './file-preview';

interface Failed {
  file: File;
  reason: string;
}

/**
 * "Quét / đính kèm": picks scans (PDF or images; a scanner's driver saves into the picker) and uploads
 * each at once. A failed upload stays listed with its reason and a retry button; nothing else is lost.
 */
export function FileScanButton({
  label,
  files,
  onChange,
}: {
  /** The component the files are for (the button's accessible name). */
  label: string;
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState(0);
  const [failed, setFailed] = useState<Failed[]>([]);
  // The latest list, so uploads finishing in any order all land in it.
  const current = useRef(files);
  current.current = files;

  const upload = async (file: File) => {
    setPending((n) => n + 1);
    try {
      const uploaded = await uploadComponentFile(file);
      current.current = [...current.current, uploaded];
      onChange(current.current);
      setFailed((list) => list.filter((f) => f.file !== file));
    } catch (error) {
      setFailed((list) => [...list.filter((f) => f.file !== file), { file, reason: messageOf(error) }]);
    } finally {
      setPending((n) => n - 1);
    }
  };

  return (
    <div>
      <input
        ref={input}
        type="file"
        accept={fileInputAccept}
        multiple
        style={{ display: 'none' }}
        aria-hidden
        tabIndex={-1}
        onChange={(event) => {
          for (const file of Array.from(event.target.files ?? [])) void upload(file);
          event.target.value = '';
        }}
      />
      <Button
        size="small"
        icon={<ScanOutlined aria-hidden />}
        loading={pending > 0}
        onClick={() => input.current?.click()}
        aria-label={officeText.scanOf(label)}
      >
        {pending > 0 ? officeText.uploading : officeText.scan}
      </Button>
      {files.length > 0 && (
        <ul className="office-file-list">
          {files.map((f) => (
            <li key={f.id}>
              <PaperClipOutlined aria-hidden /> <FilePreviewLink file={f} />
              <Button
                type="text"
                size="small"
                icon={<CloseOutlined aria-hidden />}
                aria-label={officeText.removeFile(f.name)}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              />
            </li>
          ))}
        </ul>
      )}
      {failed.map((f) => (
        <Space key={`${f.file.name}-${f.file.size}`} role="alert" size={4} wrap>
          <Typography.Text type="danger">{officeText.uploadFailed(f.file.name, f.reason)}</Typography.Text>
          <Button size="small" onClick={() => void upload(f.file)}>
            {officeText.retryUpload}
          </Button>
        </Space>
      ))}
    </div>
  );
}
