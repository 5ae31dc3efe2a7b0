import { useEffect, useRef, useState, type ChangeEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n/language';
import { profileWords } from './words';
import { useProblem } from '../../i18n/problems/use-problem';
import { CENTRED, cropRect, decodePhoto, encodePhoto, MAX_ZOOM, toUpload, type Crop } from './photo';

export interface ChosenPhoto {
  upload: { thumb: string; large: string };
  /** A data URL of the large image, to show before it is sent. */
  preview: string;
}

interface Props {
  /** There is a photo already: the button then offers to change it rather than to choose one. */
  hasPhoto?: boolean;
  onChosen(photo: ChosenPhoto): void;
}

const VIEW = 240;

/**
 * Pick a photo, choose the square (zoom, drag, or the two sliders for keyboards and screen
 * readers), and make the two small WebP images on the device. Nothing leaves the phone here: the
 * result is queued with the rest of the edit.
 */
export function PhotoEditor({ hasPhoto = false, onChosen }: Props) {
  const t = useT(profileWords).profileEdit;
  const say = useProblem();
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [crop, setCrop] = useState<Crop>(CENTRED);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number; crop: Crop } | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx || !bitmap) return;
    const { sx, sy, side } = cropRect(bitmap.width, bitmap.height, crop);
    ctx.clearRect(0, 0, VIEW, VIEW);
    ctx.drawImage(bitmap, sx, sy, side, side, 0, 0, VIEW, VIEW);
  }, [bitmap, crop]);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError(null);
    setBusy(true);
    const decoded = await decodePhoto(file);
    setBusy(false);
    if (!decoded.ok) return setError(say(decoded.problem));
    setBitmap(decoded.bitmap);
    setCrop(CENTRED);
  }

  async function onUse() {
    if (!bitmap) return;
    setBusy(true);
    const encoded = await encodePhoto(bitmap, crop);
    setBusy(false);
    if (!encoded.ok) return setError(say(encoded.problem));
    const upload = toUpload(encoded.photo);
    onChosen({ upload, preview: `data:image/webp;base64,${upload.large}` });
    setBitmap(null);
  }

  function onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, crop };
  }

  function onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
    const start = drag.current;
    if (!start || !bitmap) return;
    const { side } = cropRect(bitmap.width, bitmap.height, start.crop);
    // Dragging moves the picture under the frame: right shows more of the left side.
    const slackX = (bitmap.width - side) / 2 || 1;
    const slackY = (bitmap.height - side) / 2 || 1;
    const perPx = side / VIEW;
    const clamp = (t: number) => Math.min(1, Math.max(-1, t));
    setCrop({
      ...start.crop,
      x: clamp(start.crop.x - ((e.clientX - start.x) * perPx) / slackX),
      y: clamp(start.crop.y - ((e.clientY - start.y) * perPx) / slackY),
    });
  }

  return (
    <div className="photo-editor">
      <label className="button" htmlFor="photo-file">
        {hasPhoto ? t.changePhoto : t.choosePhoto}
      </label>
      <input
        id="photo-file"
        type="file"
        accept="image/*"
        className="visually-hidden"
        onChange={(e) => void onFile(e)}
        aria-describedby="photo-help"
      />
      <p id="photo-help" className="muted">
        {t.photoHelp}
      </p>
      {busy && <p className="muted">{t.processing}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {bitmap && (
        <div className="photo-crop">
          <canvas
            ref={canvas}
            width={VIEW}
            height={VIEW}
            className="photo-crop__view"
            aria-label={t.cropView}
            role="img"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={() => (drag.current = null)}
            onPointerCancel={() => (drag.current = null)}
            style={{ touchAction: 'none' }}
          />
          <label htmlFor="photo-zoom">{t.zoom}</label>
          <input
            id="photo-zoom"
            type="range"
            min={1}
            max={MAX_ZOOM}
            step={0.05}
            value={crop.zoom}
            onChange={(e) => setCrop({ ...crop, zoom: Number(e.target.value) })}
          />
          <label htmlFor="photo-x">{t.horizontal}</label>
          <input
            id="photo-x"
            type="range"
            min={-1}
            max={1}
            step={0.05}
            value={crop.x}
            onChange={(e) => setCrop({ ...crop, x: Number(e.target.value) })}
          />
          <label htmlFor="photo-y">{t.vertical}</label>
          <input
            id="photo-y"
            type="range"
            min={-1}
            max={1}
            step={0.05}
            value={crop.y}
            onChange={(e) => setCrop({ ...crop, y: Number(e.target.value) })}
          />
          <div className="form-actions">
            <button type="button" className="button button--primary" onClick={() => void onUse()} disabled={busy}>
              {t.useCrop}
            </button>
            <button type="button" className="button" onClick={() => setBitmap(null)}>
              {t.cancelCrop}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
