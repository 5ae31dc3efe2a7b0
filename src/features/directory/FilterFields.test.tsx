import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { record } from '../../../tests/fixtures/records';
import { directoryView } from '../../../tests/fixtures/directory-view';
import { EMPTY_FILTER, type DirectoryFilter } from '../../domain/filters';
import { FilterFields } from './FilterFields';

const people = [
  record({ id: 'a', hobbies: ['将棋', '合唱'], qualifications: ['社会福祉士'] }),
  record({ id: 'b', hobbies: ['ランニング'], qualifications: ['保育士', '社会福祉士'] }),
];
const directory = directoryView(people);

function renderFields(filter: DirectoryFilter = EMPTY_FILTER) {
  const onChange = vi.fn<(f: DirectoryFilter) => void>();
  render(<FilterFields directory={directory} filter={filter} onChange={onChange} />);
  return onChange;
}

const choices = (label: string) =>
  Array.from((screen.getByLabelText(label) as HTMLSelectElement).options, (o) => o.textContent);

describe('FilterFields (D3 menus)', () => {
  it('offers "all", then the hobbies and qualifications people have, each once', () => {
    renderFields();
    expect(choices('趣味・特技')[0]).toBe('すべて');
    expect(new Set(choices('趣味・特技'))).toEqual(new Set(['すべて', '将棋', '合唱', 'ランニング']));
    expect(choices('趣味・特技')).toHaveLength(4);
    expect(new Set(choices('資格'))).toEqual(new Set(['すべて', '社会福祉士', '保育士']));
    expect(choices('資格')).toHaveLength(3);
    expect(choices('資格')[0]).toBe('すべて');
    expect(choices('職層')[0]).toBe('すべて');
  });

  it('sets the field that was chosen and keeps the others', async () => {
    const onChange = renderFields({ ...EMPTY_FILTER, unitId: 'b02' });
    await userEvent.selectOptions(screen.getByLabelText('趣味・特技'), '合唱');
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTER, unitId: 'b02', hobby: '合唱' });
    await userEvent.selectOptions(screen.getByLabelText('資格'), '保育士');
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTER, unitId: 'b02', qualification: '保育士' });
    await userEvent.selectOptions(screen.getByLabelText('職層'), '係長級');
    expect(onChange).toHaveBeenLastCalledWith({ ...EMPTY_FILTER, unitId: 'b02', jobLevel: '係長級' });
  });

  it('goes back to "all" with the empty choice', async () => {
    const onChange = renderFields({ ...EMPTY_FILTER, hobby: '将棋' });
    await userEvent.selectOptions(screen.getByLabelText('趣味・特技'), 'すべて');
    expect(onChange).toHaveBeenLastCalledWith(EMPTY_FILTER);
  });
});
