import React, { useEffect, useState } from "react";

export interface RemoteDocumentCardProps {
  priority: string;
  email: string;
  id: string;
  ownerId: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAwAAAAOCAIAAACU32q7AAACEUlEQVR42gEGAvn9AHW2h3q7i4G/kYbElYvKmo/PoJXTpZjZqJ3erqTks6fpt67svgB/vpCExJOKypiPz52U0qOZ2Kie3q2h47Om6Lit67yw8sC29sUAh8iXjs6ck9Kiltinm92roOGypeW2q+q6se/BtfbFuvnJwP/QAJHRopbVp5vbrKDgsKXmtKrruq7vv7X1xLn5yL/+zsMD1MgJ1wCa2que4K+l5LSq6bqt7r+09MO498m9/MzCA9PGBtjLDd3REeIAo+SzqOe4re69svPCt/jIu/3MwQDSxQbVzAva0BHg1BTk2hnrAKztvLDywrX2xrv6ysAAz8QG1skL2tAO39QT5Nka6t8d7uMj8wC09Ma5+8m+/9DFBdPICdrND97TEuLZF+neHe7hIfHnJvjtK/sAv/3NwwPTyAjZzg3e0hLj1hbo2x3s4SHx5yX17Cz78DEA9TQGAMYH18sL3NES4tUV59oc7N8f8eYl9Oop+/Aw/vQzA/g5CP8/DQDQEeHVFubZG+nfHvDlJPXpKPrvL/70MgL5OAf9PQ4CQxEGSBgA2Rjp3h7u4yTz6Cf57i798zMB9zYG/D0NAUERBUYWC0sbEVAgAOEj8+cm9u0t/fEyAvc1Bfw7CgA/EAVGFglJGxBQHxRTJRlaKADqK/rvMQD1NAT5Own+Pw8EQxMISBgPTh8SUyMZVyceXC4jYTIrOSpBRkYGvQAAAABJRU5ErkJggg==";

export function RemoteDocumentCard(props: RemoteDocumentCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "document details";
  }, []);
  return (
    <div className="card card-document" style={{ borderColor: "#de021b" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.priority}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
