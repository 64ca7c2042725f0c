import React, { useEffect, useState } from "react";

export interface LegacyProductCardProps {
  description: string;
  email: string;
  id: string;
  createdAt: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAkAAAAJCAIAAABv85FHAAABB0lEQVR42gH8AAP/ALIkXbUpY7wsaMEzbMU4c8s7d85AfNNGgdlKhwC6LWi/MmzFN3HIO3fPQXrTRYDXSoXdT4nhVY4AwzRvyTl2zj570USA10mD3U6I4lON51iU612ZAMs9edBCfdVJgtxMid9SjORWk+tclu5hnfNloADUR4PZTIbfUY3jVpLoXJXtX5v0ZKH3aqX8cKsA3VGL41SR6FuU7mCa82Of9mik+22qAXOtB3m0AOhaletfmfBjnfdpo/tsqf9zrgZ2swt7thCBvADwYZ32Z6P5bKb+casEdbEKercPf7sShsEZisYA+Gym/XGrAnWvB3q2DH65E4PAGIrDG43KIJPO3JKE9InWo5QAAAAASUVORK5CYII=";

export function LegacyProductCard(props: LegacyProductCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "product details";
  }, []);
  return (
    <div className="card card-product" style={{ borderColor: "#1f4441" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.description}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
