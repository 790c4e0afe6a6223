export const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
