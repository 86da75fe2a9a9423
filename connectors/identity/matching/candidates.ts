/** Scored candidate pairs in growable parallel typed arrays: millions of pairs without an object each. */
export class CandidateList {
  i = new Int32Array(1024);
  j = new Int32Array(1024);
  score = new Float64Array(1024);
  length = 0;

  push(i: number, j: number, score: number): void {
    if (this.length === this.i.length) this.grow();
    this.i[this.length] = i;
    this.j[this.length] = j;
    this.score[this.length] = score;
    this.length++;
  }

  /** Indexes of the candidates at or above `min`, strongest first; ties by record indexes so order is canonical. */
  strongestFirst(min: number): Uint32Array {
    let size = 0;
    for (let c = 0; c < this.length; c++) if ((this.score[c] as number) >= min) size++;
    const order = new Uint32Array(size);
    let next = 0;
    for (let c = 0; c < this.length; c++) if ((this.score[c] as number) >= min) order[next++] = c;
    const { i, j, score } = this;
    order.sort(
      (a, b) =>
        (score[b] as number) - (score[a] as number) ||
        (i[a] as number) - (i[b] as number) ||
        (j[a] as number) - (j[b] as number),
    );
    return order;
  }

  private grow(): void {
    const size = this.i.length * 2;
    const i = new Int32Array(size);
    const j = new Int32Array(size);
    const score = new Float64Array(size);
    i.set(this.i);
    j.set(this.j);
    score.set(this.score);
    this.i = i;
    this.j = j;
    this.score = score;
  }
}
