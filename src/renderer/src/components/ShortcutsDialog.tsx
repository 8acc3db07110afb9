import { useRef } from 'react';
import { useModalDialog } from './use-modal-dialog';
import { shellShortcuts } from '../shortcuts';

interface Group {
  title: string;
  rows: { keys: string[]; action: string }[];
}

/** Splits the flat list into the places the keys work ("Reader: …", "Review: …"), anywhere first. */
function groupShortcuts(): Group[] {
  const groups: Group[] = [{ title: 'Anywhere', rows: [] }];
  for (const s of shellShortcuts) {
    // An action may carry its place twice ("Review: review: undo"); read every prefix off.
    let action = s.action;
    let place = 'Anywhere';
    for (let m = /^(Reader|Review): /i.exec(action); m; m = /^(Reader|Review): /i.exec(action)) {
      place = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
      action = action.slice(m[0].length);
    }
    action = action.charAt(0).toUpperCase() + action.slice(1);
    let group = groups.find((g) => g.title === place);
    if (!group) groups.push((group = { title: place, rows: [] }));
    group.rows.push({ keys: s.keys, action });
  }
  return groups.filter((g) => g.rows.length > 0);
}

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  // The list scrolls on its own (arrow keys once it has focus); the first stop is Close, not the list.
  const ref = useModalDialog(open, () => close.current?.focus());
  return (
    <dialog ref={ref} className="dialog dialog-wide shortcuts-dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <div className="dialog-body">
        <table className="shortcuts">
          {groupShortcuts().map((group) => (
            <tbody key={group.title}>
              <tr>
                <th scope="rowgroup" colSpan={2}>
                  {group.title}
                </th>
              </tr>
              {group.rows.map((s) => (
                <tr key={s.action}>
                  <td>
                    {s.keys.map((k, i) => (
                      <kbd key={i}>{k}</kbd>
                    ))}
                  </td>
                  <td>{s.action}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <div className="dialog-actions">
        <button ref={close} type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
