import type { Node } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { useToast } from '../../../ui/toast';
import { exportMapImage, type ImageFormat } from '../exportImage';

/**
 * Exports the drawn view as PNG or SVG. While `exporting`, the canvas draws every node in full
 * (see `MapCanvas`'s `renderAll`); a failure is said in a toast.
 */
export function useExportImage(getNodes: () => Node[]) {
  const toast = useToast();
  const [exporting, setExporting] = useState(false);
  // An event handler: it returns nothing to await, and a failure ends in the toast, never a rejection.
  const exportImage = useCallback(
    (format: ImageFormat) => {
      setExporting(true);
      // Let React Flow render the nodes outside the viewport before the picture is taken.
      void new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
        .then(() => exportMapImage(format, getNodes()))
        .catch((error: unknown) => {
          toast(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
        })
        .finally(() => setExporting(false));
    },
    [getNodes, toast],
  );
  return { exporting, exportImage };
}
