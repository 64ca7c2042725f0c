import React, { useEffect, useState } from "react";

export interface DailyCouponCardProps {
  priority: string;
  description: string;
  title: string;
  email: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAkAAAAGCAIAAACepSOSAAAAsUlEQVR42hXI3Q6BUAAA4POMNpsZk4tQW42ySkUcHBU6VFQrLBnNz8y4YXPjyfBdfiDLZPJcjhCLpFKmYJVFdHPSkOaCtpQBIRZIuUR1KyyieKPewk3VlaDfRisIahrJ9GleZ0SLU2zxt6MImluE0wmo66ww5RVH0DwVhf+1DmPnjP3bAsgzobOUB2HPiId4Zzgn7F3d6B4krw2Agaavh9PEtFPLv9jhI4if0f4dHz/pF/AkVUsTFVgqAAAAAElFTkSuQmCC";

export function DailyCouponCard(props: DailyCouponCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "coupon details";
  }, []);
  return (
    <div className="card card-coupon" style={{ borderColor: "#841ae4" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.priority}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
