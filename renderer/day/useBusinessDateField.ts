import { useState } from 'react';

/**
 * A date field that starts on the business day and moves on with it at the cut-off while the
 * screen stays open, unless the owner picked another day (then it keeps their choice).
 */
export function useBusinessDateField(businessDate: string): [string, (date: string) => void] {
  const [date, setDate] = useState(businessDate);
  const [followed, setFollowed] = useState(businessDate);
  // Adjusted while rendering (React's pattern for state derived from a changed prop).
  if (followed !== businessDate) {
    setFollowed(businessDate);
    if (date === followed) setDate(businessDate);
  }
  return [date, setDate];
}
