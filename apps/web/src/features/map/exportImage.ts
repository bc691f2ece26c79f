import { mapToSvg, type SvgExportInput } from './model/svgExport';

export type ImageFormat = 'png' | 'svg';

const MAX_SIDE = 8000; // browsers refuse canvases much larger than this

function download(href: string, fileName: string) {
  const link = document.createElement('a');
  link.download = fileName;
  link.href = href;
  link.click();
}

/** The SVG drawn into a canvas at its own size (scaled down past MAX_SIDE), as a PNG blob. */
async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const scale = Math.min(1, MAX_SIDE / width, MAX_SIDE / height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The drawn view as an image for a board pack: a real SVG document drawn from the layout
 * (`mapToSvg`: rectangles, text and paths with a title, date, filters and legend), and the PNG drawn
 * from that SVG — no DOM capture, so it takes a fraction of a second whatever the zoom.
 */
export async function exportMapImage(
  format: ImageFormat,
  input: SvgExportInput,
  fileName = `throughline-map.${format}`,
) {
  const { svg, width, height } = mapToSvg(input);
  if (format === 'svg') {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    download(url, fileName);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return;
  }
  const png = await svgToPng(svg, width, height);
  const url = URL.createObjectURL(png);
  download(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
