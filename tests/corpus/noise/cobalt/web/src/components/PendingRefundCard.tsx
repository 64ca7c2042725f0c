import React, { useEffect, useState } from "react";

export interface PendingRefundCardProps {
  name: string;
  id: string;
  title: string;
  ownerId: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAOCAIAAACpTQvdAAACuUlEQVR42gGuAlH9AM+TEtSZFdmcG92jH+OoJuatK+2yLvG1M/a8OPrBPwHGQwTLRwvPTg/TUxXZVhjeXADYnRvcoiDipiPmrCnrsS3xtjP1uTj7vz3+xUMDyUYKzUwO01IS2FUX3Fsc4mEi5mUA4aQk5qko664t8LMy9bo4+b09/cNCA8lGCc1LDtNQEthUFt1aHeFfIeZjJ+ppK+9uAOqtLO+yMvK3N/i8PPzDQQHHRgjNSQvQUBDXVRXaWRzfXSHkYibrZyvubi/1cTP4eADztzX3vDv8wT8Bx0UFy0oKz04R1lQW21kb4F4e5WMj6Gcp7m0v8nEz+Hc5/Hs8AoEA+8A9AMZDBMpICs5MENRTE9pYGN5bHuJgJOdlKO1sLfFxMfh1OP17PAF/QAaFRgqIAAXKRwnPTA7SUhPZVRjcWx3jYSHoZSftaSzxbzH2dDb8eDsBf0EEgkUKiUoQjE8TkgAO0U8T1lUX21sc4l4h52Ql6mks8W4x9XI2+3g7AH0+BINDCodJDoxPFJBUGZdZHJoAF9pZHOFfIeRiJOtpKvBsL/VyNPl4OP98PQKARAmHSAyKTBOPUheVWByaWyGeYSWjACDlYSXoaCnvbS7zcTP3dzn8fD0CgUEHhEcLiksRj1AVlFUamFwgnWEmpGYqp2svrgAp7mwu8nAz93Y2+3k7AYBABoVHCohMEY1PFJNVGpdbIJxfJKNlKqhpL61vMrB0OLYAMvdzNfx4PAB+QQaCRguISQ6MThWSVRqYWR+dXSOiZCelaS6rbDOwcja2dz27fELAADn+fD4Dg0MIhkgPjU0SkFIZlVgeml0hoWMmpGYtqm0yr3E1s3Y7uHpBv4FEw4VJyABCCYZIDYpNEpFRF5RYHJpdIp5gJaNnLKhqMa9xNrJ1Obl5P7x/RcGDSsaJT8uOVNKY4yf95nM8aQAAAABJRU5ErkJggg==";

export function PendingRefundCard(props: PendingRefundCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "refund details";
  }, []);
  return (
    <div className="card card-refund" style={{ borderColor: "#4adce3" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.name}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
