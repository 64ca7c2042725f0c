import { initializeApp } from "firebase/app";
import { getAuth } from "firebase/auth";
import { getFirestore } from "firebase/firestore";

const firebaseConfig = {
  apiKey: "AIzajHQmfHatIGQhmmcGpyJCV4_ArGh_7IGWATT",
  authDomain: "acme-web-prod.firebaseapp.com",
  projectId: "acme-web-prod",
  storageBucket: "acme-web-prod.appspot.com",
  messagingSenderId: "381615609045",
  appId: "1:381615609045:web:c1dc96f6a6f82c71b37ec2",
  measurementId: "G-TSSURV3PSX",
};

export const app = initializeApp(firebaseConfig);
export const auth = getAuth(app);
export const db = getFirestore(app);
