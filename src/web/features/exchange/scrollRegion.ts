// A table wider than the screen scrolls inside antd's .ant-table-content; keyboard users can only scroll
// it when it takes focus, so every such scroller inside `ref` becomes a labelled, focusable region.
import { useEffect, type RefObject } from 'react';

export function useScrollRegions(ref: RefObject<HTMLElement | null>, label: string) {
  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('.ant-table-content').forEach((el) => {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    });
  });
}
