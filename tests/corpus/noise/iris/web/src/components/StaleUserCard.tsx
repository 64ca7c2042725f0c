import React, { useEffect, useState } from "react";

export interface StaleUserCardProps {
  name: string;
  createdAt: string;
  email: string;
  id: string;
  onSelect?: (id: string) => void;
}

const PLACEHOLDER = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAsAAAAPCAIAAAC9X6JnAAACCUlEQVR42gH+AQH+AP7OlwPUnQjXoAvdphLhqhXnrxrrtR/wuyX2viv7xC4AyQAF158L26UP4KoU564Z67Mf8Lkk9L0q+sQvAMkzA803CtEAD9+qFOatGemyH+64JPO9J/rCLf/IMgLLNgjSPA3VQBLaABjosR7uuCLyvSf4wi3+xjEByjYH0DwM1EAR2kQW4Eka5QAi8bwm978q/cUxAcs2Bc45CtNAD9pEFN5IGeNPH+dSJO4AK/zDL//KNQXOOgrTPg7YRBTeSBrjTh7nUyPtWCnyXS73ADQEzTgK0T0N1kET3UYY4Uwd5lEj7FYo8Vwt9V8w+2U1/wA7DtVBE9xFFuBKHeRQIutUJe9bKvRgMPlkNf5qOgJuPwkARhbeSxzjTyHpVSTvWSnyXi/4ZDX9aDgBbD4Ic0MLdkcQAE8g51Mk7lko810v92Ey/Gg3AWw9BnFCDHZGEHpLFX9QGgBYKPBbLvdiMvtmN/9sPQZwQQl0Rg57SxR+URmEVB2KWyIAYDL5ZTX+azsEcEEJc0QOeUkUfk4YhFUeh1gijl4mkWMrAGo5Am1AB3NFDHlJE31NF4NSHIhZIotcJpBiKpdnMZptNQBxRA13SBJ8TBeCUxyHVx+MXSaPYCmWZzCZazOfbzmkdT0Ae00Wf1Eahlcfi1okkF8plGYtmGo0n243onM9p3pDrn1HQwjQToLWOCwAAAAASUVORK5CYII=";

export function StaleUserCard(props: StaleUserCardProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    document.title = "user details";
  }, []);
  return (
    <div className="card card-user" style={{ borderColor: "#f1e689" }}>
      <img src={PLACEHOLDER} alt="" width={24} height={24} />
      <h3>{props.name}</h3>
      <input type="password" name="password" placeholder="Password" autoComplete="new-password" />
      <button onClick={() => setOpen(!open)}>{open ? "Hide" : "Show"}</button>
    </div>
  );
}
