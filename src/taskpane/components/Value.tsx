import type { ReactNode } from "react";

/**
 * Text that comes from the workbook or the engine (sheet names, headers, amounts, finding
 * messages), not from the string table. The marker lets pseudo.test.tsx tell data from a
 * hard-coded string.
 */
export function Value({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <span data-value="" className={className}>
      {children}
    </span>
  );
}
