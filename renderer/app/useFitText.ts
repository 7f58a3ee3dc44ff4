import { useLayoutEffect, type RefObject } from 'react';

/** Below this the amount is no longer readable at arm's length; the layout must give it room. */
const MIN_FONT_PX = 14;

/**
 * Shrinks the element's font until its one line of text fits its width (scrollWidth ≤
 * clientWidth), starting each time from the stylesheet's size: amounts are never clipped and,
 * kept on one line by `white-space: nowrap`, never wrap mid-number. Works for text elements and
 * for an `<input>` (whose scrollWidth is its text's width). Refits when the text or the element's
 * box changes.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, text: string): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const sizeOf = () => `${element.clientWidth}x${element.clientHeight}`;
    fitText(element);
    let fitted = sizeOf();
    const observer = new ResizeObserver(() => {
      // A new width, or a new stylesheet size (another screen state), needs a new fit; the size
      // our own fit produced does not.
      if (sizeOf() === fitted) return;
      fitText(element);
      fitted = sizeOf();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, text]);
}

export function fitText(element: HTMLElement): void {
  element.style.fontSize = '';
  const width = element.clientWidth;
  if (width === 0) return; // not laid out (hidden): fitted when it gets a width
  let size = parseFloat(getComputedStyle(element).fontSize);
  // Text width scales with the font size, so one step nearly fits; a few more absorb rounding.
  for (let step = 0; step < 6 && element.scrollWidth > width && size > MIN_FONT_PX; step += 1) {
    size = Math.max(MIN_FONT_PX, Math.floor(size * (width / element.scrollWidth) * 0.98));
    element.style.fontSize = `${size}px`;
  }
}
