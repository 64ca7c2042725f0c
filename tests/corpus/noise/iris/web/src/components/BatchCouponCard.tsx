import React, { useEffect, useState } from "react";

export interface BatchCouponCardProps {
  name: string;
  version: string;
  region: string;
  id: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAMCAIAAADQ/GvKAAABN0lEQVR42gEsAdP+AAvOhhHRixXWjhrblCDhmSXmnirspC3vpwAV144Z2pIf4Zcj5p4n6aIt76gz8604+LEAHt+WIeWdKOmhLO+mMfOsNviwO/22PwO6ACbnoSzupi/xqzb4rjv7tT4CuEUHvUoKxAAu8Kkz9686+7M9/7lEBr5ICcFOEMdSFcwAOPqzPP+4QwW7SAnATQ/FUhLLVhfQXB7UAEACvEcJwUsOxE8SylQYz1kd1V8g2mMl3wBKDMNPEspTFs1ZG9JfINlkJN1nKuFuL+gAUhTNVxnRXCDWYyPcZyjgay7ncDLsdTfxAF0f1WAi22Yn32ou5HAx6XQ27ns79IBB+gBlKN9qLONuMelzNu55OvJ/P/mDRP6JSgIAbzDoczbsdznxfUD4g0P9hkoAjU8FklQMiw+MSI2md1UAAAAASUVORK5CYII=";

export function BatchCouponCard(props: BatchCouponCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "coupon details";
  }, []);
  return (
    <div className="card card-coupon" style={{ borderColor: "#fa7f2e" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.name}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
