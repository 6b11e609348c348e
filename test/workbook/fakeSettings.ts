/**
 * Excel's workbook.settings (Excel.SettingCollection) for the fake: one store per workbook,
 * shared by every client context opened on it, as co-authors share one file. As in Office.js,
 * a load is answered and an add applied only at context.sync(), in the order queued.
 */
export function fakeSettingCollection(store: Map<string, unknown>, enqueue: (run: () => void) => void) {
  let items: { key: string; value: unknown }[] | null = null;
  const collection = {
    load(_props?: string) {
      enqueue(() => void (items = [...store].map(([key, value]) => ({ key, value }))));
      return collection;
    },
    get items() {
      if (!items) throw new Error("property items was not loaded");
      return items;
    },
    /** One setting or a null object (SettingCollection.getItemOrNullObject), answered at sync. */
    getItemOrNullObject(key: string) {
      let state: { isNullObject: boolean; value: unknown } | null = null;
      const loaded = () => {
        if (!state) throw new Error("property value was not loaded");
        return state;
      };
      const setting = {
        key,
        load(_props?: string) {
          enqueue(() => void (state = store.has(key) ? { isNullObject: false, value: store.get(key) } : { isNullObject: true, value: undefined }));
          return setting;
        },
        get isNullObject() {
          return loaded().isNullObject;
        },
        get value() {
          return loaded().value;
        },
      };
      return setting;
    },
    /** Sets or adds one setting (SettingCollection.add); the value must survive JSON, as in Excel. */
    add(key: string, value: unknown) {
      if (key.trim() === "") throw new Error("InvalidArgument: a setting needs a key");
      const stored = JSON.parse(JSON.stringify(value));
      enqueue(() => void store.set(key, stored));
      return { key, value: stored };
    },
  };
  return collection;
}
