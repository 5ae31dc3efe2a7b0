import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar } from './Avatar';

const person = { id: 'S000123', familyName: '𠮷田', photo: 'a'.repeat(32) };

describe('Avatar', () => {
  it('shows the photo from the photo route, and the generated avatar when it fails to load', () => {
    const { container } = render(<Avatar record={person} size={48} />);
    const img = container.querySelector('img');
    expect(img?.getAttribute('src')).toBe(`/api/photos/${person.photo}`);
    fireEvent.error(img ?? document.body);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.avatar--generated')?.textContent).toBe('𠮷');
  });

  it('tries a new photo afresh after an earlier one failed', () => {
    const { container, rerender } = render(<Avatar record={person} size={96} src="/api/photos/old/large" alt="写真" />);
    fireEvent.error(container.querySelector('img') ?? document.body);
    expect(screen.queryByRole('img', { name: '写真' })).toBeNull();
    rerender(<Avatar record={person} size={96} src="/api/photos/new/large" alt="写真" />);
    expect(screen.getByRole('img', { name: '写真' }).getAttribute('src')).toBe('/api/photos/new/large');
  });

  it('shows the generated avatar when there is no photo', () => {
    const { container } = render(<Avatar record={{ ...person, photo: null }} size={48} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.avatar--generated')?.getAttribute('aria-hidden')).toBe('true');
  });
});
