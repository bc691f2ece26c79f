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
  const exportImage = useCallback(
    async (format: ImageFormat) => {
      setExporting(true);
      try {
        // Let React Flow render the nodes outside the viewport before the picture is taken.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        await exportMapImage(format, getNodes());
      } catch (error) {
        toast(`Export failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
      } finally {
        setExporting(false);
      }
    },
    [getNodes, toast],
  );
  return { exporting, exportImage };
}
