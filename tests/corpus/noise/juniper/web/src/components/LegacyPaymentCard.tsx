import React, { useEffect, useState } from "react";

export interface LegacyPaymentCardProps {
  name: string;
  status: string;
  tags: string;
  id: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABMAAAAGCAIAAACuKTKzAAABZ0lEQVR42gFcAaP+AJ08f6I/g6lFia5KjLJOkrZVlr1anMJeoMZkpctpq9BusNZxtdt2uuB9wOSAxOiHyu+Kz/KQ1PiU2ACoRIesSIyxTpG3VJe8V5u/XaDFYqbLZqvQba7TcrTYd7nfer3jf8TnhMfuic3zjtH2lNb8md0BnuIAsUyRtlGWuleZvlyfxGKkymepzmqt03Gy13a33nu94X7C54TI7YjL8o7R9ZPW/JnaAZzgBaLmC6jrALhVmL5cnsRfo8llp85prNFustZ0ttx4vOJ+weeCx+qJzPCO0PaR1PmW2f+d4AWh5Aqm6A6q7xOv8gDCX6HHZKfNaKzRbrHVcrbbebzhfr/mg8Xph8rujc70kNX4ltr9nN8CoeQJpugMq+4RsPMWtPYduPwAy2eq0Gyv1XK22Xi633u/5YLF6obJ7YvO9JDS+ZbX/pncA57iBqXoC6jtEq/yF7P3G7n6ILz/JMMG9B/b9ynqX68AAAAASUVORK5CYII=";

export function LegacyPaymentCard(props: LegacyPaymentCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "payment details";
  }, []);
  return (
    <div className="card card-payment" style={{ borderColor: "#9e88af" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.name}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
