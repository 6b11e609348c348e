/** A file size for messages: "100 MB", "7,3 MB". */
export function megabytes(bytes: number): string {
  const tenths = Math.round((bytes / (1024 * 1024)) * 10);
  return `${Math.floor(tenths / 10)}${tenths % 10 ? `,${tenths % 10}` : ""} MB`;
}
