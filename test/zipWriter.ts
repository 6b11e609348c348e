import { crc32, deflateRawSync } from "node:zlib";

/** A minimal zip writer (deflate), enough to build hostile xlsx files for tests; `claimed` lies about sizes. */
export function zip(entries: [string, Buffer][], claimed?: number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    // The fields both headers share, at offset 4 in the local one and 6 in the central one.
    const shared = (buffer: Buffer, at: number) => {
      buffer.writeUInt16LE(20, at);
      buffer.writeUInt16LE(8, at + 4);
      buffer.writeUInt32LE(crc32(data), at + 10);
      buffer.writeUInt32LE(packed.length, at + 14);
      buffer.writeUInt32LE(claimed ?? data.length, at + 18);
      buffer.writeUInt16LE(nameBytes.length, at + 22);
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    shared(header, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    shared(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
