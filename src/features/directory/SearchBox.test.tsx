import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SearchBox, textAfterInput } from './SearchBox';

const typing = (data: string | null, more: Partial<InputEventInit> = {}) => ({
  inputType: 'insertText',
  data,
  isComposing: false,
  ...more,
});

describe('textAfterInput', () => {
  it('puts a typed character where the caret is, or over the selection', () => {
    expect(textAfterInput({ value: 'さと', selectionStart: 2, selectionEnd: 2 }, typing('う'))).toBe('さとう');
    expect(textAfterInput({ value: 'sto', selectionStart: 1, selectionEnd: 1 }, typing('a'))).toBe('sato');
    expect(textAfterInput({ value: '佐藤 花子', selectionStart: 3, selectionEnd: 5 }, typing('健一'))).toBe(
      '佐藤 健一',
    );
    expect(textAfterInput({ value: '', selectionStart: 0, selectionEnd: 0 }, typing('𠮷'))).toBe('𠮷');
  });

  it('leaves anything it cannot be sure of to the input event', () => {
    const box = { value: 'さと', selectionStart: 2, selectionEnd: 2 };
    expect(textAfterInput(box, typing('う', { isComposing: true }))).toBeNull();
    expect(textAfterInput(box, typing(null, { inputType: 'deleteContentBackward' }))).toBeNull();
    expect(textAfterInput(box, typing('さとう', { inputType: 'insertReplacementText' }))).toBeNull();
    expect(textAfterInput(box, typing(null))).toBeNull();
    expect(textAfterInput({ value: 'さと', selectionStart: null, selectionEnd: null }, typing('う'))).toBeNull();
  });
});

describe('SearchBox', () => {
  it('asks ahead for the text a typed character makes, then reports what the box holds', () => {
    const onAhead = vi.fn();
    const onType = vi.fn();
    render(<SearchBox initial="" onType={onType} onAhead={onAhead} />);
    const box = screen.getByRole<HTMLInputElement>('searchbox', { name: '職員を検索' });
    box.value = 'たな';
    box.setSelectionRange(2, 2);
    box.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: 'か', bubbles: true }));
    expect(onAhead).toHaveBeenCalledWith('たなか');
    expect(onType).not.toHaveBeenCalled();

    box.value = 'たなか';
    box.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: 'か', bubbles: true }));
    expect(onType).toHaveBeenCalledWith('たなか');

    box.dispatchEvent(new InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true }));
    expect(onAhead).toHaveBeenCalledTimes(1);
  });
});
