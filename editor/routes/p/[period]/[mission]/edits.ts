// The edits the table views can make to the YAML text, as callbacks the page gives them.
import type { ScalarValue, YamlPath } from '$engine/yaml-edit.js';

/** What a table view may ask of the page: each call changes only the YAML it names. */
export interface Edits {
  /** Sets one scalar (a threshold, an operator, a label). */
  set(path: YamlPath, value: ScalarValue): void;
  /** Replaces a value with a scalar or a flow list (a threshold that becomes a range). */
  replace(path: YamlPath, value: ScalarValue | ScalarValue[]): void;
  /** Copies a list item below itself (a new band or row). */
  add(listPath: YamlPath, index: number): void;
  /** Removes a list item. */
  remove(listPath: YamlPath, index: number): void;
  /** Sets any value at a path (a new fact, a whole condition), creating the keys that lead to it. */
  put(path: YamlPath, value: unknown): void;
  /** Removes a key or a list item, even the last item of a list. */
  drop(path: YamlPath): void;
  /** Inserts a new list item at an index (the list's length appends). */
  insert(listPath: YamlPath, index: number, value: unknown): void;
  /** Moves a list item to another index. */
  move(listPath: YamlPath, from: number, to: number): void;
  /** Removes one key of a mapping (a quote that no longer says what its rule says). */
  unset(path: YamlPath): void;
}
