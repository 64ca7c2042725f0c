import React from "react";

const FALLBACK =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAADG0lEQVR42gEQA+/8AMBT1shb281g4tNm691t8OR2+up9/vGFBvmKDv6TFgWYGwuhIROoKBqtMSGzOCq6PwDCV9fIXuHPZOfXae3dc/Pmef3sfgHzhwv8jhABlRcHnB0RoyYVqisdsTMjuTwtvUAAxFndzGDk02bp223v43P46X3+74QH9YkL/pAUA5cbDZ8hE6cqGKwxILU2KLk/MMFDAMhc3c9h5dZo7N9v9eN4+et9AfGHB/uLD/+TFgaaHg+hJBSnKhuvNCO1Oyq8QTHDSQDNX+LRZ+rYbfHgdPjmefzuggX1iQv+jxQEmBoKnSASpiYZqi0hsTUouj4sv0I2xksAzWHj12jq3m7y4nb5638A8IYH+YwQ/pIXCJkeDaEiE6gqHbAzI7U3Kb1AL8JGN8pPANFk6dls8OFz9uV5/e1/AvWGCf2PEwSWGAqeIRGlKBmpLh2yNie4PC3BQTXHSjrOUQDTZ+rbbfLhdPfpff/yggf2jA3+kRQHmBoNoSEVpSsarDAiszYovD4xxEc3y0s8z1QA2Gzv3nD253n864AE84gJ/IwRAJMXCZ0gD6ImGKguHrAyJbk7LMBDM8RJOM1RQdJYANpt7+J1+ed9/fCCB/WJC/+SFAOWGgyeIxSnKBqsLiK1Nie5Py3ARDTKTTzOVETVWQDfcPXjdvvsfgPxhwr4jRH/kxcImxwQoiQXqCwbrjMltjgqvD8yxUc3zU1B1FRF2FsA33L253n98IAD9ocM/o4UA5gYC5wgEqQoGKovIbI2KLg+LsBDM8lLO81SQddXSt1eAOJ2+ut+AfODCPmLDgGRFQWYGw+gIhWnLB2uMyO2Nyq+PzLCRzfMTEDTU0bZWkzgYgDle/7sgQL2hwr8jREClBcKnh4SoyYXqi8gsDMntz0twUEzxUk6zE9D1lhI3WBO4WcA6H4B8IMI94sO/ZITBpcaC58jEqUrGq4yIrQ3Krw/L8JFNchNPs9VQ9lbSuBhUuRpAO2AAvOICPyPDwCUGQmaHhChJBeoLB2xMiW2PC3AQTTHRzjOUT/SVkjcX03iZFfpbdJeZmlLlnU+AAAAAElFTkSuQmCC";

export interface AvatarProps {
  src?: string;
  size?: number;
  alt: string;
}

export function Avatar({ src, size = 32, alt }: AvatarProps) {
  return (
    <img
      className="rounded-full border border-slate-200"
      src={src ?? FALLBACK}
      width={size}
      height={size}
      alt={alt}
      data-testid="avatar-94a4663"
    />
  );
}
