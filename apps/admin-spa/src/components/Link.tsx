import type { MouseEvent, ReactNode } from 'react';
import { navigate } from '../use-route';

interface Props {
  to: string;
  children: ReactNode;
  className?: string;
  current?: boolean;
}

/** A real link (opens in a new tab with a modifier key), navigating in place otherwise. */
export function Link({ to, children, className, current }: Props) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} className={className} onClick={onClick} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
