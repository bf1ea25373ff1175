/**
 * GigaChat puts generated images in its text as `<img src="UUID" fuse="true"/>`. While streaming,
 * nothing keeps a tag inside one delta, so text is held back from where a tag may be starting
 * until the tag is complete. Whatever is shown never contains a tag or half of one.
 */
const TAG = /<img\s+[^>]*?src="([0-9a-fA-F-]{8,64})"[^>]*?\/?>/g;

export class ImgTagScanner {
  private pending = '';

  /** Feeds a delta; returns the text now safe to show and the image ids completed so far. */
  push(delta: string): { text: string; ids: string[] } {
    this.pending += delta;
    const ids: string[] = [];
    let text = this.pending.replace(TAG, (_tag, id: string) => {
      ids.push(id);
      return '';
    });
    // Hold back an unfinished tail that is, or may become, an <img …> tag.
    const open = text.lastIndexOf('<');
    const tail = open === -1 ? '' : text.slice(open).toLowerCase();
    const hold = tail !== '' && !tail.includes('>') && (tail.startsWith('<img') || '<img'.startsWith(tail));
    if (hold && tail.length <= 400) {
      this.pending = text.slice(open);
      text = text.slice(0, open);
    } else {
      this.pending = '';
    }
    return { text, ids };
  }

  /** The end of the stream: whatever was held back is plain text after all. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}
